package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

/** A change to the approval queue, keyed by budget and kind. */
public sealed interface QueueChange {

    BudgetId budgetId();

    QueueKind kind();

    /** The item enters the queue (or replaces the one of the same budget and kind). */
    record Upsert(ApprovalQueueEntry entry) implements QueueChange {

        @Override
        public BudgetId budgetId() {
            return entry.budgetId();
        }

        @Override
        public QueueKind kind() {
            return entry.kind();
        }
    }

    /** The item leaves the queue. */
    record Remove(BudgetId budgetId, QueueKind kind) implements QueueChange {
    }
}
