package uk.gov.personalbudget.budget.history;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/** No budget has this id (or it did not yet exist at the moment asked about). */
public class BudgetNotFound extends RuntimeException {

    public BudgetNotFound(BudgetId id) {
        super("no budget " + id);
    }

    public BudgetNotFound(BudgetId id, Instant moment) {
        super("budget " + id + " did not exist at " + moment);
    }
}
