package uk.gov.personalbudget.approval.projection;

/**
 * What an approval queue item waits for. The kinds ending in {@code _OVERDUE} are the timeliness queue: a
 * {@link TimelinessClock} still running past its due date, shown only from that date on.
 */
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
    /**
     * From {@code DecisionChallenged} until {@code ChallengeAnswered}: a challenge of a decision awaiting the
     * authority's answer. One item per budget, for the oldest challenge still open (since it was made); its detail
     * names the challenged decision and the complaint, and how many more await an answer. It stays after the budget
     * closes, since the complaints procedure still owes the person an answer.
     */
    CHALLENGE_AWAITING_ANSWER,
    /** From {@code ReviewCompleted} with result END until the authority closes the budget ({@code BudgetClosed}). */
    ENDING_AWAITING_CLOSURE,
    /** An eligible assessment waited for an offer longer than the council's threshold ({@link ClockKind#OFFER}). */
    OFFER_OVERDUE,
    /** An endorsed plan waited for the authority's decision longer than the council's threshold. */
    DECISION_OVERDUE,
    /** No review was completed within 8 weeks of the plan's approval. */
    INITIAL_REVIEW_OVERDUE,
    /** No review was completed within 6 months of the start of the direct payment. */
    DIRECT_PAYMENT_REVIEW_OVERDUE,
    /** No review was completed within a year of the last one (or of the approval). */
    ANNUAL_REVIEW_OVERDUE,
    /** The budget has been suspended longer than the council's threshold. */
    SUSPENSION_OVERDUE
}
