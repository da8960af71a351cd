package uk.gov.personalbudget.budget.lifecycle;

/**
 * Every rule a command can break, each with a stable slug (the problem type's last segment, which clients
 * may rely on) and the kind of failure it is.
 */
public enum Rule {
    // Who may act.
    ROLE_NOT_ALLOWED(Kind.FORBIDDEN, "role-not-allowed"),
    /** A budget is opened only for a council the opener works in. */
    NOT_YOUR_COUNCIL(Kind.FORBIDDEN, "not-your-council"),
    NOT_ACTING_FOR_THE_PERSON(Kind.FORBIDDEN, "not-acting-for-the-person"),
    AUTHORISATION_LIMIT_EXCEEDED(Kind.FORBIDDEN, "authorisation-limit-exceeded"),
    AUTHORITY_DELEGATES_ONLY_IN_CRISIS(Kind.FORBIDDEN, "authority-delegates-only-in-crisis"),
    PERSON_RECORDS_SELF_ASSESSMENT_ONLY(Kind.FORBIDDEN, "person-records-self-assessment-only"),
    DIRECT_PAYMENT_THROUGH_AUTHORISED_PERSON(Kind.FORBIDDEN, "direct-payment-through-authorised-person"),
    /** DOMAIN.md puts the agreement in the "by" column: without it a practitioner may not submit at all. */
    PERSON_AGREEMENT_REQUIRED(Kind.FORBIDDEN, "person-agreement-required"),
    /** The practitioner who submitted a plan for the person is not the one who endorses it. */
    ENDORSER_SUBMITTED_PLAN(Kind.FORBIDDEN, "endorser-submitted-plan"),
    /** While an authorised person is appointed, they act for the person (Care Act s32). */
    AUTHORISED_PERSON_ACTS(Kind.FORBIDDEN, "authorised-person-acts"),
    /** An erasure is confirmed by an authority other than the one who requested it. */
    ERASURE_NEEDS_A_SECOND_AUTHORITY(Kind.FORBIDDEN, "erasure-needs-a-second-authority"),

    // Where the budget is in its lifecycle.
    BUDGET_ALREADY_EXISTS(Kind.CONFLICT, "budget-already-exists"),
    BUDGET_CLOSED(Kind.CONFLICT, "budget-closed"),
    /** A person's personal data is erased only once every budget of theirs is closed. */
    ERASURE_NEEDS_CLOSED_BUDGETS(Kind.CONFLICT, "erasure-needs-closed-budgets"),
    ASSESSMENT_AFTER_APPROVAL(Kind.CONFLICT, "assessment-after-approval"),
    /** A contest or a plan awaits an answer: it is withdrawn (with a reason) before a new assessment. */
    ANSWER_AWAITED(Kind.CONFLICT, "answer-awaited"),
    ALREADY_ALLOCATED(Kind.CONFLICT, "already-allocated"),
    NO_ELIGIBLE_ASSESSMENT(Kind.CONFLICT, "no-eligible-assessment"),
    NO_OPEN_OFFER(Kind.CONFLICT, "no-open-offer"),
    NO_OPEN_CONTEST(Kind.CONFLICT, "no-open-contest"),
    NOT_PLANNING(Kind.CONFLICT, "not-planning"),
    PLAN_NOT_SUBMITTED(Kind.CONFLICT, "plan-not-submitted"),
    NO_PLAN_AWAITING_DECISION(Kind.CONFLICT, "no-plan-awaiting-decision"),
    PLAN_NOT_ENDORSED(Kind.CONFLICT, "plan-not-endorsed"),
    BUDGET_NOT_APPROVED(Kind.CONFLICT, "budget-not-approved"),
    NO_OFFER_YET(Kind.CONFLICT, "no-offer-yet"),
    ALREADY_DELEGATED(Kind.CONFLICT, "already-delegated"),
    NOT_DELEGATED(Kind.CONFLICT, "not-delegated"),
    ALREADY_AUTHORISED(Kind.CONFLICT, "already-authorised"),
    NOT_AUTHORISED(Kind.CONFLICT, "not-authorised"),
    REVIEW_ALREADY_SCHEDULED(Kind.CONFLICT, "review-already-scheduled"),
    NO_REVIEW_SCHEDULED(Kind.CONFLICT, "no-review-scheduled"),
    BUDGET_NOT_IN_USE(Kind.CONFLICT, "budget-not-in-use"),
    BUDGET_NOT_SUSPENDED(Kind.CONFLICT, "budget-not-suspended"),
    RESUME_BEFORE_CONTINUING(Kind.CONFLICT, "resume-before-continuing"),
    /** The preferred control is first recorded with the assessment. */
    NOT_ASSESSED(Kind.CONFLICT, "not-assessed"),
    /** The decision named is not one that may be challenged now (none made, superseded, or no longer in force). */
    NO_DECISION_TO_CHALLENGE(Kind.CONFLICT, "no-decision-to-challenge"),
    /** One challenge per decision awaits an answer at a time. */
    CHALLENGE_ALREADY_OPEN(Kind.CONFLICT, "challenge-already-open"),
    /** The council answered a challenge of this decision: the next step is the Ombudsman. */
    CHALLENGE_ALREADY_ANSWERED(Kind.CONFLICT, "challenge-already-answered"),
    NO_OPEN_CHALLENGE(Kind.CONFLICT, "no-open-challenge"),

    // What the command says, judged against the budget.
    AMOUNT_NOT_POSITIVE(Kind.INVALID, "amount-not-positive"),
    BREAKDOWN_DOES_NOT_ADD_UP(Kind.INVALID, "breakdown-does-not-add-up"),
    REVISION_REASONS_REQUIRED(Kind.INVALID, "revision-reasons-required"),
    PLAN_LINE_WITHOUT_PURPOSE(Kind.INVALID, "plan-line-without-purpose"),
    UNKNOWN_RECOVERY_GOAL(Kind.INVALID, "unknown-recovery-goal"),
    PLAN_EXCEEDS_OFFER(Kind.INVALID, "plan-exceeds-offer"),
    /**
     * A decision that affects the person (an offer, a revision, an adjustment, a suspension, a closure) records
     * whether the person took part and how they were told: the research found decisions made without them.
     */
    PARTICIPATION_NOT_RECORDED(Kind.INVALID, "participation-not-recorded"),
    VARIANCE_REASON_REQUIRED(Kind.INVALID, "variance-reason-required"),
    /** An assessment records how much control of the budget the person wants. */
    PREFERRED_CONTROL_NOT_RECORDED(Kind.INVALID, "preferred-control-not-recorded"),
    /** A challenge is answered with reasons in plain language. */
    CHALLENGE_REASONS_REQUIRED(Kind.INVALID, "challenge-reasons-required"),
    /** A challenge upheld, in whole or in part, says what changes. */
    CHALLENGE_CHANGES_REQUIRED(Kind.INVALID, "challenge-changes-required"),
    PAYMENT_EXCEEDS_APPROVED_AMOUNT(Kind.INVALID, "payment-exceeds-approved-amount"),
    PROVIDER_REQUIRED(Kind.INVALID, "provider-required"),
    MIXED_SPLIT_DOES_NOT_ADD_UP(Kind.INVALID, "mixed-split-does-not-add-up"),
    DELEGATE_MUST_BE_NOMINEE_OR_PRACTITIONER(Kind.INVALID, "delegate-must-be-nominee-or-practitioner"),
    INTENDED_END_NOT_IN_FUTURE(Kind.INVALID, "intended-end-not-in-future"),
    ADJUSTMENT_END_INVALID(Kind.INVALID, "adjustment-end-invalid"),
    REVIEW_DUE_OUTSIDE_WINDOW(Kind.INVALID, "review-due-outside-window");

    /** How a broken rule is reported: 403, 409 or 400. */
    public enum Kind {
        FORBIDDEN,
        CONFLICT,
        INVALID
    }

    private final Kind kind;
    private final String slug;

    Rule(Kind kind, String slug) {
        this.kind = kind;
        this.slug = slug;
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }
}
