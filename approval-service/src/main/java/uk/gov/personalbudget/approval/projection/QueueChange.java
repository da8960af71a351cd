package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

/** A change to the approval queue: items are keyed by budget and kind. */
public sealed interface QueueChange {

    BudgetId budgetId();

    /** The item enters the queue (or replaces the one of the same budget and kind). */
    record Upsert(ApprovalQueueEntry entry) implements QueueChange {

        @Override
        public BudgetId budgetId() {
            return entry.budgetId();
        }

        public QueueKind kind() {
            return entry.kind();
        }
    }

    /** The item leaves the queue. */
    record Remove(BudgetId budgetId, QueueKind kind) implements QueueChange {}

    /** Every item of the budget, whatever its kind, now names this practitioner: the caseload moved. */
    record Reallocate(BudgetId budgetId, String practitioner) implements QueueChange {}
}
