package uk.gov.personalbudget.contracts.control;

import uk.gov.personalbudget.contracts.value.BudgetStatus;

/**
 * What the status rule needs to remember between events.
 *
 * @param status           where the budget is in its lifecycle; null before it is opened
 * @param beforeSuspension the status a suspension interrupted, to which resuming returns; null unless suspended
 * @param planInForce      whether an approved plan is in force (paid): from the authority's approval until a review
 *                         ends the budget or it closes, and so also while a review's replan makes the next plan
 */
public record StatusState(BudgetStatus status, BudgetStatus beforeSuspension, boolean planInForce) {

    /** Before a budget is opened it has no status. */
    public static final StatusState INITIAL = new StatusState(null, null, false);

    StatusState to(BudgetStatus next) {
        return new StatusState(next, beforeSuspension, planInForce);
    }
}
