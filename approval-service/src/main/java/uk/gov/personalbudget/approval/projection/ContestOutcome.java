package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.Money;

/**
 * How a contest of an offer ended. Amounts are compared per year. The first three follow budget-service's
 * rule that a revision needs reasons exactly when it does not reach what the person asked for.
 */
public enum ContestOutcome {
    /**
     * The revision reached at least the amount asked for; when no amount was asked, it raised the offer.
     */
    RAISED_TO_ASKED,
    /** The revision raised the offer, but not to the amount asked for. */
    RAISED_PARTLY,
    /** The revision did not raise the offer (kept or lowered it) and did not reach the amount asked for. */
    NOT_RAISED,
    /** It ended unanswered: the needs were re-assessed or the budget closed. */
    LAPSED,
    /** The person withdrew it before the authority answered ({@code ContestWithdrawn}). */
    WITHDRAWN;

    /**
     * The outcome of a revision to {@code revised} of the offer {@code previous}, when the person asked for
     * {@code requested} (null if they named no amount).
     */
    public static ContestOutcome of(Money revised, Money previous, Money requested) {
        boolean raised = revised.compareYearly(previous) > 0;
        if (requested == null ? raised : revised.compareYearly(requested) >= 0) {
            return RAISED_TO_ASKED;
        }
        return raised ? RAISED_PARTLY : NOT_RAISED;
    }
}
