package uk.gov.personalbudget.approval.projection;

/** What an approval queue item waits for. */
public enum QueueKind {
    /** From {@code PlanEndorsed} until the authority approves or declines it, it is withdrawn, or the budget closes. */
    PLAN_AWAITING_DECISION,
    /** From {@code OfferContested} until {@code OfferRevised} or {@code ContestWithdrawn}, or the budget closes. */
    CONTEST_AWAITING_ANSWER,
    /** From {@code ControlDelegated} until {@code ControlResumed}, or the budget closes; due by its intended end. */
    DELEGATION,
    /** From {@code ReviewScheduled} until {@code ReviewCompleted}, or the budget closes; due by its date. */
    REVIEW,
    /**
     * As {@link #REVIEW}, for a CAPACITY_CHANGE review, which may be scheduled beside another review and so waits in
     * an item of its own.
     */
    CAPACITY_REVIEW,
    /** From {@code ReviewCompleted} with result END until the authority closes the budget ({@code BudgetClosed}). */
    ENDING_AWAITING_CLOSURE
}
