package uk.gov.personalbudget.approval.projection;

/**
 * Whether an envelope is the next event of its budget. Delivery is at least once and keyed by budget, so a
 * budget's events arrive in order but may arrive again, and after a failed publication a later event may come
 * before the re-sent copies of its predecessors; a projection must apply each exactly once, in order.
 */
public enum SequenceCheck {
    /** The next event of the budget: project it. */
    APPLY,
    /** Already projected (a redelivery): skip it, it changes nothing. */
    ALREADY_APPLIED,
    /**
     * At least one earlier event of the budget has not been projected: skip it, the missing events and this one
     * again follow ({@link AheadOfSequence}).
     */
    GAP;

    /** Judges {@code envelope} against the budget's summary ({@code null} before its first event). */
    public static SequenceCheck of(BudgetSummary before, EventEnvelope envelope) {
        long last = before == null ? -1 : before.lastSequence();
        if (envelope.sequence() <= last) {
            return ALREADY_APPLIED;
        }
        return envelope.sequence() == last + 1 ? APPLY : GAP;
    }
}
