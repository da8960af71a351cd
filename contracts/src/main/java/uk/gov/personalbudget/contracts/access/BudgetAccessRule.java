package uk.gov.personalbudget.contracts.access;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.Objects;

/**
 * Who may see a budget at all, written once for both services and for reads and commands alike. A caller who
 * may not see a budget is answered as if it did not exist; one who may see it is then held to what their role
 * may do there (the lifecycle's rules, the access matrix of docs/security.md).
 *
 * <ul>
 *   <li>No caller sees a budget of a council they do not work in.</li>
 *   <li>PERSON: their own budget.</li>
 *   <li>NOMINEE: only while the delegation or authorisation in force names their {@code sub} (and, when their token
 *       names a person, only for that person).</li>
 *   <li>PRACTITIONER: the budgets allocated to them, and those whose delegation in force names them.</li>
 *   <li>AUTHORITY, AUDITOR: every budget of their council (an AUDITOR only reads).</li>
 *   <li>SYSTEM: every budget of the councils it is configured for, for its commands only: it reads no
 *       budget's content.</li>
 * </ul>
 */
public final class BudgetAccessRule {

    private BudgetAccessRule() {}

    /** How {@code actor} stands to the budget. */
    public static Relationship relationship(Actor actor, BudgetParties budget) {
        if (!actor.serves(budget.council())) {
            return Relationship.OTHER_COUNCIL;
        }
        return switch (actor.role()) {
            case PERSON ->
                Objects.equals(actor.person(), budget.person()) ? Relationship.OWN : Relationship.SAME_COUNCIL;
            case NOMINEE -> {
                boolean forThisPerson = actor.person() == null || actor.person().equals(budget.person());
                if (forThisPerson && (isNamed(actor, budget.delegate()) || isNamed(actor, budget.authorisedPerson()))) {
                    yield Relationship.NAMED_DELEGATE;
                }
                yield Objects.equals(actor.person(), budget.person()) ? Relationship.OWN : Relationship.SAME_COUNCIL;
            }
            case PRACTITIONER -> {
                if (isNamed(actor, budget.delegate())) {
                    yield Relationship.NAMED_DELEGATE;
                }
                yield actor.id().equals(budget.allocatedPractitioner())
                        ? Relationship.ALLOCATED
                        : Relationship.SAME_COUNCIL;
            }
            case AUTHORITY, AUDITOR, SYSTEM -> Relationship.SAME_COUNCIL;
        };
    }

    /** Whether the caller may know the budget exists, and send it commands their role allows. */
    public static boolean maySee(Actor actor, BudgetParties budget) {
        return gives(actor.role(), relationship(actor, budget));
    }

    /** Whether the caller may read what the budget holds: its state, history, trail and decisions. */
    public static boolean mayRead(Actor actor, BudgetParties budget) {
        return !actor.is(Role.SYSTEM) && maySee(actor, budget);
    }

    /** Whether the caller may read across the budgets of {@code council}: queues and reports. */
    public static boolean mayReadAcrossBudgets(Actor actor, String council) {
        return (actor.is(Role.AUTHORITY) || actor.is(Role.AUDITOR)) && actor.serves(council);
    }

    /** Whether a relationship lets a role see a budget: the table of docs/security.md, "Relationships". */
    public static boolean gives(Role role, Relationship relationship) {
        return switch (relationship) {
            case OTHER_COUNCIL -> false;
            case OWN -> role == Role.PERSON;
            case ALLOCATED -> role == Role.PRACTITIONER;
            case NAMED_DELEGATE -> role == Role.NOMINEE || role == Role.PRACTITIONER;
            case SAME_COUNCIL -> role == Role.AUTHORITY || role == Role.AUDITOR || role == Role.SYSTEM;
        };
    }

    private static boolean isNamed(Actor actor, ControlHolder holder) {
        if (holder == null || !actor.id().equals(holder.actorId())) {
            return false;
        }
        return holder.party() == ControlParty.NOMINEE
                ? actor.is(Role.NOMINEE)
                : holder.party() == ControlParty.PRACTITIONER && actor.is(Role.PRACTITIONER);
    }
}
