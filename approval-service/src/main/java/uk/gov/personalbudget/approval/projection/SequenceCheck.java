package uk.gov.personalbudget.approval.projection;

/**
 * Whether an envelope is the next event of its budget. Delivery is at least once and keyed by budget, so a
 * budget's events arrive in order but may arrive again; a projection must apply each exactly once.
 */
public enum SequenceCheck {
    /** The next event of the budget: project it. */
    APPLY,
    /** Already projected (a redelivery): skip it, it changes nothing. */
    ALREADY_APPLIED,
    /** At least one earlier event of the budget has not been projected. */
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
