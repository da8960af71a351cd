package uk.gov.personalbudget.contracts.value;

/** Why a review is scheduled, after the statutory guidance on reviewing care and support plans. */
public enum ReviewKind {
    /** A light-touch review 6 to 8 weeks after approval. */
    INITIAL_LIGHT_TOUCH,
    /** A review of a direct payment within its first 6 months. */
    DIRECT_PAYMENT,
    /** The review at least once a year. */
    ANNUAL,
    /** A review because the person lost or regained capacity. */
    CAPACITY_CHANGE,
    /** A review anyone asked for. */
    REQUESTED
}
