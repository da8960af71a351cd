package uk.gov.personalbudget.contracts.control;

import uk.gov.personalbudget.contracts.event.BudgetClosed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.BudgetResumed;
import uk.gov.personalbudget.contracts.event.BudgetSuspended;
import uk.gov.personalbudget.contracts.event.ContestWithdrawn;
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
import uk.gov.personalbudget.contracts.value.BudgetStatus;

/**
 * The rule of where a budget is in its lifecycle after each event, written once for the aggregate, budget-service's
 * history and approval-service's projection (before it, each kept its own copy, and they disagreed). Like
 * {@link ControlRule}, it reads only what an event records.
 */
public final class StatusRule {

    private StatusRule() {}

    /** The status after {@code event}, given the state before it. */
    public static StatusState after(StatusState before, BudgetEvent event) {
        if (event instanceof BudgetOpened) {
            return before.to(BudgetStatus.OPENED);
        }
        if (event instanceof NeedsAssessed) {
            return before.to(BudgetStatus.ASSESSED);
        }
        if (event instanceof BudgetOffered || event instanceof OfferRevised || event instanceof ContestWithdrawn) {
            return before.to(BudgetStatus.OFFERED);
        }
        if (event instanceof OfferContested) {
            return before.to(BudgetStatus.CONTESTED);
        }
        if (event instanceof OfferAccepted
                || event instanceof PlanWithdrawn
                || event instanceof PlanReturned
                || event instanceof PlanDeclinedByAuthority) {
            return before.to(BudgetStatus.PLANNING);
        }
        if (event instanceof PlanSubmitted) {
            return before.to(BudgetStatus.PLAN_SUBMITTED);
        }
        if (event instanceof PlanEndorsed) {
            return before.to(BudgetStatus.PLAN_ENDORSED);
        }
        if (event instanceof PlanApprovedByAuthority) {
            return new StatusState(BudgetStatus.APPROVED, before.beforeSuspension(), true);
        }
        if (event instanceof ManagementChosen) {
            return before.to(BudgetStatus.ACTIVE);
        }
        if (event instanceof ReviewCompleted completed) {
            return switch (completed.result().result()) {
                // The budget goes on as it was (a suspended budget stays suspended until it is resumed).
                case CONTINUE -> before;
                // The next plan is made while the approved one stays in force, until the authority approves another.
                // A suspended budget's replan ends the suspension, as the review decides what happens next.
                case REPLAN -> new StatusState(BudgetStatus.PLANNING, null, before.planInForce());
                // Events written before ENDING existed gave control to nobody and no BudgetClosed followed them:
                // those ended the budget there and then.
                case END ->
                    completed.control() != null && completed.control().after().party() == ControlParty.NOBODY
                            ? new StatusState(BudgetStatus.CLOSED, null, false)
                            : new StatusState(BudgetStatus.ENDING, null, false);
            };
        }
        if (event instanceof BudgetSuspended) {
            return new StatusState(BudgetStatus.SUSPENDED, before.status(), before.planInForce());
        }
        if (event instanceof BudgetResumed) {
            return new StatusState(before.beforeSuspension(), null, before.planInForce());
        }
        if (event instanceof BudgetClosed) {
            return new StatusState(BudgetStatus.CLOSED, null, false);
        }
        // Delegation, authorisation, statements, adjustments, outcomes, review scheduling, reallocation and the
        // erasure's record leave the status where it is.
        return before;
    }
}
