package uk.gov.personalbudget.contracts.value;

/** What a completed review decided. */
public enum ReviewOutcome {
    /** The budget goes on as it is. */
    CONTINUE,
    /** A new plan cycle opens from the current offer. */
    REPLAN,
    /** The budget ends. */
    END
}
