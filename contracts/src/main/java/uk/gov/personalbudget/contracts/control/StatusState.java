package uk.gov.personalbudget.contracts.control;

import uk.gov.personalbudget.contracts.value.BudgetStatus;

/**
 * What the status rule needs to remember between events.
 *
 * @param status           where the budget is in its lifecycle; null before it is opened
 * @param beforeSuspension the status a suspension interrupted, to which resuming returns; null unless suspended
 */
public record StatusState(BudgetStatus status, BudgetStatus beforeSuspension) {

    /** Before a budget is opened it has no status. */
    public static final StatusState INITIAL = new StatusState(null, null);

    StatusState to(BudgetStatus next) {
        return new StatusState(next, beforeSuspension);
    }
}
