package uk.gov.personalbudget.approval.web;

import org.springframework.security.access.AccessDeniedException;
import uk.gov.personalbudget.approval.projection.store.BudgetAccess;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * Who may read what: AUDITOR and AUTHORITY everything; a PRACTITIONER the budgets of their caseload; a
 * PERSON or NOMINEE only the budget of the person their token names. Only auditors and operators' systems
 * may rebuild the projections.
 */
public final class ReadAccess {

    private ReadAccess() {
    }

    public static void requireMayRead(Actor actor, BudgetAccess budget) {
        boolean allowed = switch (actor.role()) {
            case AUDITOR, AUTHORITY -> true;
            case PRACTITIONER -> actor.id().equals(budget.allocatedPractitioner());
            case PERSON, NOMINEE -> budget.person().equals(actor.person());
            case SYSTEM -> false;
        };
        if (!allowed) {
            throw new AccessDeniedException("a " + actor.role() + " may not read this budget");
        }
    }

    public static void requireMayReadAcrossBudgets(Actor actor) {
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.AUTHORITY)) {
            throw new AccessDeniedException("only the authority and auditors read across budgets");
        }
    }

    public static void requireMayReplay(Actor actor) {
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.SYSTEM)) {
            throw new AccessDeniedException("only auditors and operators' systems rebuild the projections");
        }
    }
}
