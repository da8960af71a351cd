package uk.gov.personalbudget.approval.projection;

/** How a delegation ended. */
public enum DelegationEnd {
    /** {@code ControlResumed}: control was handed back. */
    RESUMED,
    /**
     * The budget closed ({@code BudgetClosed}, or a review that ended it before budgets were ENDING) while the
     * delegation was in force.
     */
    CLOSED
}
