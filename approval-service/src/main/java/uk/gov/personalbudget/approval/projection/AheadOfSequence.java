package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * A record skipped because it came before an earlier event of its budget was projected. budget-service publishes
 * at least once and, after a failed publication batch, sends the batch again from its first unacknowledged event,
 * so the missing events, and this one again, follow it on the topic (docs/events.md, "Order, duplicates, and how
 * to apply records"). Skipping it changes no projection; the copy that follows its predecessors is projected.
 *
 * @param expectedSequence the budget's next sequence number to project
 * @param receivedSequence the record's sequence number, further ahead
 * @param position         where the record is on the topic; null for an event not read from the topic (tests)
 */
public record AheadOfSequence(
        BudgetId budgetId, long expectedSequence, long receivedSequence, CheckedRecord.Position position) {

    /** For the log: which budget, which events are still missing. */
    public String describe() {
        return "budget " + budgetId + ": expected event " + expectedSequence + " but received event "
                + receivedSequence + "; events " + expectedSequence + " to " + (receivedSequence - 1)
                + " have not come yet";
    }

    /** For the log: topic-partition@offset, or "?" for an event not read from the topic. */
    public String where() {
        return position == null ? "?" : position.topic() + "-" + position.partition() + "@" + position.offset();
    }
}
