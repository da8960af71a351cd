package uk.gov.personalbudget.approval.projection;

/** How a submitted plan's cycle ended. */
public enum PlanOutcome {
    /** The practitioner returned it. */
    RETURNED,
    /** The authority approved it. */
    APPROVED,
    /** The authority declined it. */
    DECLINED,
    /** It ended undecided: the needs were re-assessed or the budget closed. */
    LAPSED,
    /** It was withdrawn before the practitioner or the authority answered it ({@code PlanWithdrawn}). */
    WITHDRAWN
}
