package uk.gov.personalbudget.contracts.value;

/** The authority's decisions the person may challenge through the council's complaints procedure. */
public enum ChallengedDecision {
    /** The amount the authority approved with the plan in force. */
    APPROVED_AMOUNT,
    /** The authority's decline of the latest plan, until another plan is submitted. */
    DECLINE,
    /** The latest adjustment, when it lowered the amount in force. */
    REDUCTION
}
