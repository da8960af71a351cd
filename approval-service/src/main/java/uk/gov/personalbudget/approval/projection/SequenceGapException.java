package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * An event arrived before an earlier event of the same budget was projected. Projecting past the gap would
 * leave the trail, queue and durations wrong for good, so nothing of the batch is written.
 */
public class SequenceGapException extends IllegalStateException {

    private final BudgetId budgetId;
    private final long expectedSequence;
    private final long actualSequence;

    public SequenceGapException(BudgetId budgetId, long expectedSequence, long actualSequence) {
        super("budget " + budgetId + ": expected event " + expectedSequence + " but received event " + actualSequence
                + "; events " + expectedSequence + " to " + (actualSequence - 1) + " are missing");
        this.budgetId = budgetId;
        this.expectedSequence = expectedSequence;
        this.actualSequence = actualSequence;
    }

    public BudgetId budgetId() {
        return budgetId;
    }

    public long expectedSequence() {
        return expectedSequence;
    }

    public long actualSequence() {
        return actualSequence;
    }
}
