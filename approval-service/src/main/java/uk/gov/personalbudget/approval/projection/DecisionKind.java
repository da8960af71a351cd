package uk.gov.personalbudget.approval.projection;

/** The decisions of a budget's decision history, one per deciding event. */
public enum DecisionKind {
    /** {@code BudgetOffered}: the authority's indicative offer. */
    OFFER,
    /** {@code OfferRevised}: the authority's answer to a contest. */
    REVISION,
    /** {@code PlanEndorsed}: the practitioner endorsed the plan. */
    ENDORSEMENT,
    /** {@code PlanReturned}: the practitioner returned the plan for changes. */
    RETURN,
    /** {@code PlanApprovedByAuthority}. */
    APPROVAL,
    /** {@code PlanDeclinedByAuthority}. */
    DECLINE,
    /** {@code ManagementChosen}: the person's choice of how the budget is managed. */
    MANAGEMENT,
    /** {@code BudgetAdjusted}. */
    ADJUSTMENT,
    /** {@code BudgetSuspended}. */
    SUSPENSION,
    /** {@code BudgetResumed}: a suspended budget resumed (not the ending of a delegation). */
    RESUMPTION,
    /** {@code BudgetClosed}: the authority closed the budget, with how the person was told. */
    CLOSURE,
    /** {@code ReviewCompleted}, with its result (CONTINUE, REPLAN or END) as the outcome. */
    REVIEW,
    /** {@code PractitionerReallocated}: the budget moved to another practitioner's caseload. */
    REALLOCATION,
    /** {@code ContestWithdrawn}: the person withdrew their contest before the authority answered it. */
    CONTEST_WITHDRAWAL,
    /** {@code PlanWithdrawn}: the plan was withdrawn before the practitioner or the authority answered it. */
    PLAN_WITHDRAWAL,
    /**
     * {@code PersonalDataErasureConfirmed}: a second authority confirmed the erasure of the person's personal data,
     * which another had requested.
     */
    ERASURE,
    /**
     * {@code DecisionChallenged}: the person challenged a decision of the authority through the council's complaints
     * procedure (the person's act, like MANAGEMENT, recorded so that its answer can be set beside it).
     */
    CHALLENGE,
    /** {@code ChallengeAnswered}: the authority's answer to a challenge, with reasons and what changes. */
    CHALLENGE_ANSWER,
    /**
     * {@code NeedsAssessed} (when it records one) and {@code PreferredControlStated}: how much control of the budget
     * the person wants (the person's own choice, like MANAGEMENT).
     */
    PREFERRED_CONTROL
}
