package uk.gov.personalbudget.approval.projection;

/**
 * What a {@link TimelinessClock} times: a statutory duty or a wait the council sets a threshold for. Each but
 * {@link #MONEY_IN_PLACE} puts an item in the approval queue once it is overdue ({@link #queueKind()}).
 */
public enum ClockKind {
    /**
     * From an eligible {@code NeedsAssessed} until {@code BudgetOffered}; lapses with an ineligible re-assessment or
     * the closure. Due after the council's threshold.
     */
    OFFER(QueueKind.OFFER_OVERDUE),
    /**
     * From {@code PlanEndorsed} until the authority approves or declines the plan; lapses when the plan is withdrawn
     * or lapses. Due after the council's threshold.
     */
    DECISION(QueueKind.DECISION_OVERDUE),
    /**
     * From each {@code PlanApprovedByAuthority} until a review is completed; due 8 weeks after the approval
     * (contracts {@code ReviewDeadlines.INITIAL_LATEST}).
     */
    INITIAL_REVIEW(QueueKind.INITIAL_REVIEW_OVERDUE),
    /**
     * From the start of a direct payment ({@code ManagementChosen} with one, after none) until a review is completed;
     * due 6 months after that start ({@code ReviewDeadlines.DIRECT_PAYMENT}); lapses if the direct payment stops.
     */
    DIRECT_PAYMENT_REVIEW(QueueKind.DIRECT_PAYMENT_REVIEW_OVERDUE),
    /**
     * From the last completed review, or from the approval before any review, until the next review; due a year after
     * it ({@code ReviewDeadlines.ANNUAL}).
     */
    ANNUAL_REVIEW(QueueKind.ANNUAL_REVIEW_OVERDUE),
    /**
     * From {@code BudgetSuspended} until {@code BudgetResumed}, or a review that replans or ends the budget; due for
     * attention after the council's threshold.
     */
    SUSPENSION(QueueKind.SUSPENSION_OVERDUE),
    /** From {@code BudgetOpened} until the first {@code ManagementChosen}: the money is in place. Never due. */
    MONEY_IN_PLACE(null);

    private final QueueKind queueKind;

    ClockKind(QueueKind queueKind) {
        this.queueKind = queueKind;
    }

    /** The queue kind of an overdue clock of this kind; null for {@link #MONEY_IN_PLACE}. */
    public QueueKind queueKind() {
        return queueKind;
    }

    /** Whether the council's thresholds, not a statutory window, say when it is due. */
    public boolean councilThreshold() {
        return this == OFFER || this == DECISION || this == SUSPENSION;
    }
}
