package uk.gov.personalbudget.contracts.control;

import uk.gov.personalbudget.contracts.event.AuthorisationEnded;
import uk.gov.personalbudget.contracts.event.AuthorisedPersonAppointed;
import uk.gov.personalbudget.contracts.event.BudgetClosed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.BudgetResumed;
import uk.gov.personalbudget.contracts.event.BudgetSuspended;
import uk.gov.personalbudget.contracts.event.ContestWithdrawn;
import uk.gov.personalbudget.contracts.event.ControlDelegated;
import uk.gov.personalbudget.contracts.event.ControlResumed;
import uk.gov.personalbudget.contracts.event.ManagementChosen;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.event.OfferContested;
import uk.gov.personalbudget.contracts.event.OfferRevised;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanDeclinedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanEndorsed;
import uk.gov.personalbudget.contracts.event.PlanReturned;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.PlanWithdrawn;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The rule of who holds control after each event (DOMAIN.md, "Who holds control"), written once for both
 * services. It reads only an event's own content, never its {@code control} field, so the aggregate can
 * ask it what an event will do before stamping the event with the answer.
 */
public final class ControlRule {

    private ControlRule() {}

    /** The control state after {@code event}, given the state before it. */
    public static ControlState after(ControlState before, BudgetEvent event) {
        if (event instanceof BudgetOpened) {
            return before.withBase(ControlParty.PRACTITIONER);
        }
        if (event instanceof NeedsAssessed
                || event instanceof OfferContested
                || event instanceof PlanEndorsed
                || event instanceof BudgetSuspended) {
            return before.withBase(ControlParty.AUTHORITY);
        }
        if (event instanceof BudgetOffered
                || event instanceof OfferRevised
                || event instanceof OfferAccepted
                || event instanceof PlanReturned
                || event instanceof PlanDeclinedByAuthority
                || event instanceof PlanApprovedByAuthority
                || event instanceof ContestWithdrawn
                || event instanceof PlanWithdrawn) {
            return before.withBase(ControlParty.PERSON);
        }
        if (event instanceof PlanSubmitted) {
            return before.withBase(ControlParty.PRACTITIONER);
        }
        if (event instanceof ManagementChosen chosen) {
            return before.withManagement(chosen.management().option());
        }
        if (event instanceof BudgetResumed) {
            return before.withBase(managerOf(before.management()));
        }
        if (event instanceof ReviewCompleted completed) {
            return switch (completed.result().result()) {
                case CONTINUE -> before.withBase(managerOf(before.management()));
                case REPLAN -> before.withBase(ControlParty.PERSON);
                // The authority closes the budget, with BudgetClosed, and tells the person.
                case END -> before.withBase(ControlParty.AUTHORITY);
            };
        }
        if (event instanceof BudgetClosed) {
            return before.withBase(ControlParty.NOBODY);
        }
        if (event instanceof ControlDelegated delegated) {
            var delegate = delegated.delegation().delegate();
            return before.withDelegate(delegateHolder(delegate.role(), delegate.id()));
        }
        if (event instanceof ControlResumed) {
            return before.withDelegate(null);
        }
        if (event instanceof AuthorisedPersonAppointed appointed) {
            return before.withAuthorisedPerson(ControlHolder.named(
                    ControlParty.NOMINEE, appointed.authorisation().authorisedPerson()));
        }
        if (event instanceof AuthorisationEnded) {
            return before.withAuthorisedPerson(null);
        }
        // PersonStatementAdded, BudgetAdjusted, OutcomeRecorded, ReviewScheduled, PractitionerReallocated,
        // PersonalDataErasureConfirmed and PreferredControlStated leave control where it is. So do DecisionChallenged
        // and ChallengeAnswered: the challenged decision stands while the complaint is considered, and the budget
        // waits on nobody's act for it (docs/events.md, "Challenging a decision"); the answer owed is in the queue.
        return before;
    }

    /** The transfer {@code event} makes from {@code before}: who held control, and who holds it after. */
    public static ControlTransfer transfer(ControlState before, BudgetEvent event) {
        return new ControlTransfer(before.holder(), after(before, event).holder());
    }

    /**
     * Who manages the money: the person for a direct payment (alone or in a mix), the authority for a
     * council-managed budget, the provider for an individual service fund. Before a choice, the person,
     * whose choice it is.
     */
    public static ControlParty managerOf(ManagementOption option) {
        if (option == null) {
            return ControlParty.PERSON;
        }
        return switch (option) {
            case DIRECT_PAYMENT, MIXED -> ControlParty.PERSON;
            case COUNCIL_MANAGED -> ControlParty.AUTHORITY;
            case INDIVIDUAL_SERVICE_FUND -> ControlParty.PROVIDER;
        };
    }

    /** Who holds control as the named delegate {@code id} of {@code role}: a PRACTITIONER, or else a NOMINEE. */
    public static ControlHolder delegateHolder(Role role, String id) {
        return ControlHolder.named(role == Role.PRACTITIONER ? ControlParty.PRACTITIONER : ControlParty.NOMINEE, id);
    }
}
