package uk.gov.personalbudget.approval.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.store.SummaryQueries;
import uk.gov.personalbudget.contracts.access.BudgetAccessRule;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read what here, decided by the contracts' {@link BudgetAccessRule} (the one rule of both services) on
 * the parties approval-service has projected for the budget. A caller who may not see a budget is answered
 * exactly as for an id no event has reached ({@link BudgetNotKnown}), before anything else is looked at; one who
 * may see it, but whose role may not read there, gets a 403.
 */
@Component
public class BudgetVisibility {

    /** Who may read one budget's trail and decisions, as the API documents it. */
    public static final String READERS = "For the budget's own PERSON, the NOMINEE or PRACTITIONER named by the "
            + "delegation or authorisation in force, the PRACTITIONER whose caseload it is on, and the AUTHORITY and "
            + "AUDITOR of its council. Anyone else gets 404 budget-not-found, as for a budget that does not exist; "
            + "SYSTEM gets 403.";

    private final SummaryQueries summaries;

    BudgetVisibility(SummaryQueries summaries) {
        this.summaries = summaries;
    }

    /** The budget's parties, when the caller may see the budget at all. */
    public BudgetParties requireVisible(Actor actor, BudgetId id) {
        return summaries
                .parties(id)
                .filter(parties -> BudgetAccessRule.maySee(actor, parties))
                .orElseThrow(BudgetNotKnown::new);
    }

    /** When the caller may read what the budget holds: its trail, decisions and state (SYSTEM may not). */
    public void requireReadable(Actor actor, BudgetId id) {
        if (!BudgetAccessRule.mayRead(actor, requireVisible(actor, id))) {
            throw new AccessDeniedException("a " + actor.role() + " reads no budget's content");
        }
    }

    /** The councils whose budgets the caller may read across (queue, reports): AUTHORITY and AUDITOR, their own. */
    public static Set<String> councilsReadableAcross(Actor actor) {
        Set<String> councils = actor.councils().stream()
                .filter(council -> BudgetAccessRule.mayReadAcrossBudgets(actor, council))
                .collect(Collectors.toUnmodifiableSet());
        if (councils.isEmpty()) {
            throw new AccessDeniedException("only the authority and auditors read across budgets, their council's");
        }
        return councils;
    }
}
