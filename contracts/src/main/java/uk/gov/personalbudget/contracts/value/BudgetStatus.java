package uk.gov.personalbudget.contracts.value;

/** Where a budget is in its lifecycle. */
public enum BudgetStatus {
    /** Opened; waiting for a needs assessment. */
    OPENED,
    /** Assessed; waiting for an offer (or, if not eligible, for a re-assessment or closure). */
    ASSESSED,
    /** An indicative budget is offered and open for the person to accept or contest. */
    OFFERED,
    /** The person contested the offer; waiting for the authority's answer. */
    CONTESTED,
    /** The offer is accepted and a plan is being written (again, after a return, decline or replan). */
    PLANNING,
    /** A plan is submitted; waiting for the practitioner. */
    PLAN_SUBMITTED,
    /** The plan is endorsed; waiting for the authority's decision. */
    PLAN_ENDORSED,
    /** The plan is approved; waiting for the person to choose how it is managed. */
    APPROVED,
    /** The budget is in use. */
    ACTIVE,
    /** The budget is paused; an interim arrangement meets needs. */
    SUSPENDED,
    /** A review ended the budget; the authority closes it (and tells the person). */
    ENDING,
    /** The budget is closed; nothing is accepted after it. */
    CLOSED
}
