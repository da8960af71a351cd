package uk.gov.personalbudget.budget.lifecycle;

import uk.gov.personalbudget.contracts.command.AcceptOffer;
import uk.gov.personalbudget.contracts.command.AddPersonStatement;
import uk.gov.personalbudget.contracts.command.AdjustBudget;
import uk.gov.personalbudget.contracts.command.AnswerChallenge;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.ApproveByAuthority;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.ChallengeDecision;
import uk.gov.personalbudget.contracts.command.ChooseManagement;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.CompleteReview;
import uk.gov.personalbudget.contracts.command.ContestOffer;
import uk.gov.personalbudget.contracts.command.DeclineByAuthority;
import uk.gov.personalbudget.contracts.command.DelegateControl;
import uk.gov.personalbudget.contracts.command.EndAuthorisation;
import uk.gov.personalbudget.contracts.command.EndorsePlan;
import uk.gov.personalbudget.contracts.command.OfferBudget;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.command.ReallocatePractitioner;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.command.RecordErasure;
import uk.gov.personalbudget.contracts.command.RecordOutcome;
import uk.gov.personalbudget.contracts.command.ResumeBudget;
import uk.gov.personalbudget.contracts.command.ResumeControl;
import uk.gov.personalbudget.contracts.command.ReturnPlan;
import uk.gov.personalbudget.contracts.command.ReviseOffer;
import uk.gov.personalbudget.contracts.command.ScheduleReview;
import uk.gov.personalbudget.contracts.command.StatePreferredControl;
import uk.gov.personalbudget.contracts.command.SubmitPlan;
import uk.gov.personalbudget.contracts.command.SuspendBudget;
import uk.gov.personalbudget.contracts.command.WithdrawContest;
import uk.gov.personalbudget.contracts.command.WithdrawPlan;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlRule;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.AuthorisationEnded;
import uk.gov.personalbudget.contracts.event.AuthorisedPersonAppointed;
import uk.gov.personalbudget.contracts.event.BudgetAdjusted;
import uk.gov.personalbudget.contracts.event.BudgetClosed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.BudgetResumed;
import uk.gov.personalbudget.contracts.event.BudgetSuspended;
import uk.gov.personalbudget.contracts.event.ChallengeAnswered;
import uk.gov.personalbudget.contracts.event.ContestWithdrawn;
import uk.gov.personalbudget.contracts.event.ControlDelegated;
import uk.gov.personalbudget.contracts.event.ControlResumed;
import uk.gov.personalbudget.contracts.event.DecisionChallenged;
import uk.gov.personalbudget.contracts.event.ManagementChosen;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.event.OfferContested;
import uk.gov.personalbudget.contracts.event.OfferRevised;
import uk.gov.personalbudget.contracts.event.PersonStatementAdded;
import uk.gov.personalbudget.contracts.event.PersonalDataErasureConfirmed;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanDeclinedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanEndorsed;
import uk.gov.personalbudget.contracts.event.PlanReturned;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.PractitionerReallocated;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.event.ReviewScheduled;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.AgreementMethod;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BreakdownLine;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Calculation;
import uk.gov.personalbudget.contracts.value.Challenge;
import uk.gov.personalbudget.contracts.value.ChallengeAnswer;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.Closure;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Decline;
import uk.gov.personalbudget.contracts.value.Delegate;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.Endorsement;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.MixedSplit;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.Outcome;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.Period;
import uk.gov.personalbudget.contracts.value.PersonAgreement;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.PersonStatement;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PlanLine;
import uk.gov.personalbudget.contracts.value.PlanReturn;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.Reallocation;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.RecoveryGoal;
import uk.gov.personalbudget.contracts.value.Resumption;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewResult;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Revision;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Sample actors, values, commands and histories for one person's budget (Sam, P-1001), so that each
 * given-when-then test reads short. Histories are written without control transfers; {@link #stamped}
 * fills them in with the control rule, as the aggregate would have.
 */
final class Budgets {

    /** The fixture's current time in every test. */
    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    static final BudgetId ID = new BudgetId("PB-2026-0001");
    static final PersonReference SAM = new PersonReference("P-1001");
    static final PersonReference SOMEONE_ELSE = new PersonReference("P-1002");

    /** The council Sam's budget belongs to, and another. */
    static final String LEEDS = "leeds";

    static final String BRISTOL = "bristol";

    // Who acts: the token's subject, role, person claim, authorisation limit and council.
    static final Actor PERSON = new Actor("person-1001", Role.PERSON, SAM, null, Set.of(LEEDS));
    static final Actor OTHER_PERSON = new Actor("person-1002", Role.PERSON, SOMEONE_ELSE, null, Set.of(LEEDS));
    static final Actor PERSON_WITHOUT_CLAIM = new Actor("person-1003", Role.PERSON, null, null, Set.of(LEEDS));
    /** Sam's sister, the delegate in the sample delegations. */
    static final Actor NOMINEE = new Actor("nominee-2001", Role.NOMINEE, SAM, null, Set.of(LEEDS));
    /** The authorised person (Care Act s32) in the sample authorisation. */
    static final Actor AUTHORISED_PERSON = new Actor("nominee-2002", Role.NOMINEE, SAM, null, Set.of(LEEDS));
    /** A nominee for Sam whom no delegation or authorisation names. */
    static final Actor UNNAMED_NOMINEE = new Actor("nominee-2003", Role.NOMINEE, SAM, null, Set.of(LEEDS));
    /** The sister's id with a token for somebody else. */
    static final Actor NOMINEE_FOR_SOMEONE_ELSE =
            new Actor("nominee-2001", Role.NOMINEE, SOMEONE_ELSE, null, Set.of(LEEDS));
    /** The practitioner Sam's budget is allocated to. */
    static final Actor PRACTITIONER = Actor.of("sw-3001", Role.PRACTITIONER, LEEDS);
    /** A practitioner of the council with no link to Sam's budget. */
    static final Actor OTHER_PRACTITIONER = Actor.of("sw-3002", Role.PRACTITIONER, LEEDS);
    /** A team manager who may commit up to £15,000 a year. */
    static final Actor AUTHORITY = new Actor("tm-4001", Role.AUTHORITY, null, 1_500_000L, Set.of(LEEDS));

    static final Actor HEAD_OF_SERVICE = new Actor("hos-4002", Role.AUTHORITY, null, 5_000_000L, Set.of(LEEDS));
    static final Actor AUTHORITY_WITHOUT_LIMIT = Actor.of("panel-4003", Role.AUTHORITY, LEEDS);
    /** A head of service of another council, who may commit anything there. */
    static final Actor OTHER_COUNCILS_AUTHORITY =
            new Actor("hos-9001", Role.AUTHORITY, null, 9_000_000L, Set.of(BRISTOL));

    static final Actor AUDITOR = Actor.of("audit-5001", Role.AUDITOR, LEEDS);
    static final Actor SYSTEM = Actor.of("review-scheduler", Role.SYSTEM, LEEDS);

    // Who holds control, when a named person holds it.
    static final ControlHolder NOMINEE_IN_CONTROL = ControlHolder.named(ControlParty.NOMINEE, "nominee-2001");
    static final ControlHolder AUTHORISED_PERSON_IN_CONTROL = ControlHolder.named(ControlParty.NOMINEE, "nominee-2002");
    static final ControlHolder PRACTITIONER_DELEGATE_IN_CONTROL =
            ControlHolder.named(ControlParty.PRACTITIONER, "sw-3001");

    // When the sample history happened.
    static final Instant OPENED_AT = daysAgo(70);
    static final Instant ASSESSED_AT = daysAgo(60);
    static final Instant OFFERED_AT = daysAgo(50);
    static final Instant ACCEPTED_AT = daysAgo(45);
    static final Instant SUBMITTED_AT = daysAgo(30);
    static final Instant ENDORSED_AT = daysAgo(25);
    static final Instant APPROVED_AT = daysAgo(14);
    static final Instant CHOSEN_AT = daysAgo(10);
    static final Instant RECENTLY = daysAgo(2);

    static final BudgetOpening OPENING = new BudgetOpening(SAM, LEEDS, "sw-3001");

    static final Assessment ASSESSMENT = new Assessment(
            AssessmentKind.CO_PRODUCED,
            List.of("Managing and maintaining nutrition", "Developing and maintaining family relationships"),
            true,
            "Two eligible outcomes cannot be achieved because of a mental impairment (reg. 2(2)).",
            true,
            List.of(
                    new RecoveryGoal("G1", "Go back to the allotment with my brother"),
                    new RecoveryGoal("G2", "Cook for myself three days a week")),
            false,
            PreferredControl.SHARE_IT);
    static final Assessment SELF_ASSESSMENT = new Assessment(
            AssessmentKind.SELF,
            ASSESSMENT.eligibleNeeds(),
            true,
            "My own account of my needs, checked against the eligibility criteria.",
            true,
            ASSESSMENT.recoveryGoals(),
            false,
            PreferredControl.HOLD_IT_MYSELF);
    static final Assessment INELIGIBLE = new Assessment(
            AssessmentKind.PRACTITIONER_LED,
            List.of(),
            false,
            "Needs are met by the GP and family; no eligible outcome is affected significantly.",
            false,
            List.of(),
            true,
            PreferredControl.HAVE_IT_MANAGED);

    /** £12,500 a year, with a breakdown in three periods that adds up to it. */
    static final Money OFFERED = Money.yearly(1_250_000);

    static final Calculation CALCULATION = new Calculation(
            "Resource allocation system",
            "RAS-2025.2",
            List.of(
                    new BreakdownLine("Personal care, 6 hours a week", Money.yearly(800_000)),
                    new BreakdownLine("Community activities", new Money(7_500, Period.WEEKLY)),
                    new BreakdownLine("Peer support group", new Money(5_000, Period.MONTHLY))));
    static final Offer OFFER = new Offer(OFFERED, CALCULATION, true, NotificationMethod.IN_PERSON);

    static final Money ASKED = Money.yearly(1_400_000);
    static final Contest CONTEST = new Contest("The offer leaves nothing for evenings, when I am at my worst.", ASKED);
    static final Money REVISED = Money.yearly(1_300_000);
    static final Revision REVISION = new Revision(
            REVISED,
            calculation(REVISED),
            "Evening support added for two nights; the others are met by the crisis café.",
            true,
            NotificationMethod.IN_PERSON);

    /** A plan costing exactly the offer; each line cites a goal, an outcome domain or both. */
    static final Plan PLAN = new Plan(
            List.of(
                    new PlanLine(
                            "Personal assistant, 6 hours a week",
                            Money.yearly(800_000),
                            "G2",
                            OutcomeDomain.DAILY_LIVING),
                    new PlanLine("Allotment society membership and tools", new Money(7_500, Period.WEEKLY), "G1", null),
                    new PlanLine(
                            "Hearing Voices peer group",
                            new Money(5_000, Period.MONTHLY),
                            null,
                            OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS)),
            PlanningApproach.PEER_SUPPORTED,
            null,
            null);

    static final Closure CLOSURE = new Closure("Sam moved to another council area", NotificationMethod.LETTER, true);
    static final Reallocation REALLOCATION = new Reallocation("sw-3002", "Sam's social worker moved to another team");
    static final PersonAgreement AGREEMENT = new PersonAgreement(
            AgreementMethod.SIGNED_PLAN, Instant.parse("2026-02-27T14:00:00Z"), "Signed copy on file CF-1001-07");

    /** The sample plan with the record of Sam's agreement, as a practitioner submits it for him. */
    static final Plan AGREED_PLAN = new Plan(PLAN.lines(), PLAN.madeBy(), null, AGREEMENT);

    static final Approval APPROVAL = new Approval(
            OFFERED, new Money(104_166, Period.MONTHLY), List.of("Keep receipts for the allotment tools"), null, true);

    static final Management DIRECT_PAYMENT = new Management(ManagementOption.DIRECT_PAYMENT, null, null);
    static final Management COUNCIL_MANAGED = new Management(ManagementOption.COUNCIL_MANAGED, null, null);
    static final Management SERVICE_FUND = new Management(ManagementOption.INDIVIDUAL_SERVICE_FUND, "Leeds Mind", null);
    static final Management MIXED = new Management(
            ManagementOption.MIXED,
            null,
            new MixedSplit(Money.yearly(600_000), new Money(50_000, Period.FOUR_WEEKLY), null));

    static final Delegation DELEGATION = new Delegation(
            new Delegate("nominee-2001", Role.NOMINEE),
            DelegationReason.FLUCTUATING_CAPACITY,
            "Sam asked his sister to deal with the budget while he is unwell",
            NOW.plus(Duration.ofDays(30)));
    static final Delegation CRISIS_DELEGATION = new Delegation(
            new Delegate("nominee-2001", Role.NOMINEE),
            DelegationReason.CRISIS,
            "Sam was detained under s2 and cannot be reached",
            NOW.plus(Duration.ofDays(28)));
    static final Delegation DELEGATION_TO_PRACTITIONER = new Delegation(
            new Delegate("sw-3001", Role.PRACTITIONER),
            DelegationReason.PREFERENCE,
            "Sam prefers his care coordinator to handle the paperwork",
            NOW.plus(Duration.ofDays(60)));
    static final Resumption RESUMPTION = new Resumption("Sam is home and well enough to decide again");

    static final Authorisation AUTHORISATION = new Authorisation("nominee-2002", "MCA-2026-0042");

    static final ReviewSchedule LIGHT_TOUCH_REVIEW =
            new ReviewSchedule(ReviewKind.INITIAL_LIGHT_TOUCH, APPROVED_AT.plus(Duration.ofDays(49)));

    /** Sam's challenge of the approved amount, through the council's complaints procedure. */
    static final Challenge CHALLENGE = new Challenge(
            ChallengedDecision.APPROVED_AMOUNT,
            "CMP-2026-0042",
            "The approved amount leaves nothing for evenings, when I am at my worst.",
            ASKED);

    static final ChallengeAnswer NOT_UPHELD = new ChallengeAnswer(
            ChallengedDecision.APPROVED_AMOUNT,
            ChallengeResult.NOT_UPHELD,
            "The crisis café covers the evenings; the plan's hours meet the assessed needs.",
            null,
            true,
            NotificationMethod.LETTER);

    /** The assessment as one was recorded before the person's preferred control was. */
    static Assessment withoutPreferredControl(Assessment assessment) {
        return new Assessment(
                assessment.kind(),
                assessment.eligibleNeeds(),
                assessment.eligible(),
                assessment.eligibilityReasons(),
                assessment.wantsCouncilToMeetNeeds(),
                assessment.recoveryGoals(),
                assessment.advocateNeeded());
    }

    static Challenge challengeOf(ChallengedDecision decision) {
        return new Challenge(decision, "CMP-2026-0042", "The decision leaves my evenings uncovered.", null);
    }

    private Budgets() {}

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static Calculation calculation(Money amount) {
        return new Calculation(
                "Resource allocation system",
                "RAS-2025.2",
                List.of(new BreakdownLine("Personal care and evening support", amount)));
    }

    static Offer offerOf(Money amount) {
        return new Offer(amount, calculation(amount), true, NotificationMethod.IN_PERSON);
    }

    static Plan planCosting(Money cost, String exceptionReason) {
        return new Plan(
                List.of(new PlanLine("Personal assistant, including evenings", cost, "G2", null)),
                PlanningApproach.CO_PRODUCED,
                exceptionReason,
                null);
    }

    /** The plan with notes on the person's agreement in words alone, without how, when and where they agreed. */
    static Plan withAgreement(Plan plan, String notes) {
        return new Plan(plan.lines(), plan.madeBy(), plan.exceptionReason(), PersonAgreement.notesOnly(notes));
    }

    static Approval approving(Money amount, String varianceReason) {
        return new Approval(
                amount, new Money(amount.yearlyPence() / 12, Period.MONTHLY), List.of(), varianceReason, true);
    }

    static Adjustment temporaryAdjustment(Money amount) {
        return new Adjustment(
                AdjustmentKind.TEMPORARY,
                amount,
                NOW,
                NOW.plus(Duration.ofDays(28)),
                "Extra evening support while Sam's distress is high",
                Role.NOMINEE,
                true,
                NotificationMethod.IN_PERSON);
    }

    static ReviewSchedule review(ReviewKind kind, Instant dueBy) {
        return new ReviewSchedule(kind, dueBy);
    }

    static ReviewResult reviewResult(ReviewOutcome outcome) {
        return new ReviewResult(outcome, "Reviewed with Sam and his sister at home", true);
    }

    // --- Events, without control transfers (see stamped). ---

    static Act act(Actor actor, Instant at) {
        return new Act(actor.id(), actor.role(), null, at);
    }

    static Act actFor(Actor actor, Instant at) {
        return new Act(actor.id(), actor.role(), SAM, at);
    }

    static BudgetEvent budgetOpened() {
        return new BudgetOpened(ID, act(PRACTITIONER, OPENED_AT), null, OPENING);
    }

    static BudgetEvent needsAssessed(Assessment assessment) {
        return new NeedsAssessed(ID, act(PRACTITIONER, ASSESSED_AT), null, assessment);
    }

    static BudgetEvent budgetOffered(Offer offer) {
        return new BudgetOffered(ID, act(AUTHORITY, OFFERED_AT), null, offer);
    }

    static BudgetEvent offerContested(Contest contest) {
        return new OfferContested(ID, act(PERSON, OFFERED_AT.plusSeconds(86_400)), null, contest, OFFERED);
    }

    static BudgetEvent offerRevised(Revision revision, Money requested) {
        return new OfferRevised(
                ID, act(AUTHORITY, OFFERED_AT.plusSeconds(3 * 86_400)), null, revision, OFFERED, requested);
    }

    static BudgetEvent offerAccepted(Money amount) {
        return new OfferAccepted(ID, act(PERSON, ACCEPTED_AT), null, amount);
    }

    static BudgetEvent planSubmitted(Plan plan) {
        return new PlanSubmitted(ID, act(PERSON, SUBMITTED_AT), null, plan);
    }

    static BudgetEvent planSubmittedBy(Actor actor, Plan plan) {
        return new PlanSubmitted(ID, act(actor, SUBMITTED_AT), null, plan);
    }

    static BudgetEvent planReturned() {
        return new PlanReturned(
                ID,
                act(PRACTITIONER, SUBMITTED_AT.plusSeconds(86_400)),
                null,
                new PlanReturn("Say who the personal assistant is and how they were chosen"));
    }

    static BudgetEvent planEndorsed() {
        return new PlanEndorsed(ID, act(PRACTITIONER, ENDORSED_AT), null, new Endorsement("Meets the assessed needs"));
    }

    static BudgetEvent statementAdded() {
        return new PersonStatementAdded(
                ID,
                act(PERSON, ENDORSED_AT.plusSeconds(3_600)),
                null,
                new PersonStatement("The allotment is what keeps me out of hospital."));
    }

    static BudgetEvent planApproved() {
        return new PlanApprovedByAuthority(ID, act(AUTHORITY, APPROVED_AT), null, APPROVAL, OFFERED, false);
    }

    static BudgetEvent planDeclined() {
        return new PlanDeclinedByAuthority(
                ID,
                act(AUTHORITY, APPROVED_AT),
                null,
                new Decline("The plan does not say how the evenings are covered", false, NotificationMethod.LETTER),
                false);
    }

    static BudgetEvent managementChosen(Management management) {
        return new ManagementChosen(ID, act(PERSON, CHOSEN_AT), null, management);
    }

    static BudgetEvent controlDelegated(Delegation delegation) {
        return new ControlDelegated(ID, act(PERSON, RECENTLY), null, delegation);
    }

    static BudgetEvent contestWithdrawn() {
        return new ContestWithdrawn(ID, act(PERSON, RECENTLY), null, new Reason("The offer is enough after all"));
    }

    static BudgetEvent practitionerReallocated(Actor to) {
        return new PractitionerReallocated(
                ID,
                act(AUTHORITY, RECENTLY),
                null,
                new Reallocation(to.id(), "Sam's social worker moved to another team"),
                PRACTITIONER.id());
    }

    static BudgetEvent controlResumed() {
        return new ControlResumed(
                ID,
                act(PERSON, RECENTLY.plusSeconds(3_600)),
                null,
                new Delegate("nominee-2001", Role.NOMINEE),
                RESUMPTION);
    }

    static BudgetEvent authorisedPersonAppointed() {
        return new AuthorisedPersonAppointed(ID, act(AUTHORITY, RECENTLY), null, AUTHORISATION);
    }

    static BudgetEvent authorisationEnded() {
        return new AuthorisationEnded(
                ID,
                act(AUTHORITY, RECENTLY.plusSeconds(3_600)),
                null,
                "nominee-2002",
                new Reason("Capacity regained: MCA-2026-0057"));
    }

    static BudgetEvent budgetAdjusted(Adjustment adjustment, Money previous) {
        return new BudgetAdjusted(ID, act(AUTHORITY, RECENTLY), null, adjustment, previous);
    }

    static BudgetEvent reviewScheduled(ReviewSchedule review) {
        return new ReviewScheduled(ID, act(SYSTEM, CHOSEN_AT.plusSeconds(60)), null, review);
    }

    static BudgetEvent reviewCompleted(ReviewSchedule review, ReviewOutcome outcome, Instant at) {
        return new ReviewCompleted(ID, act(PRACTITIONER, at), null, review, reviewResult(outcome));
    }

    static BudgetEvent budgetSuspended() {
        return new BudgetSuspended(
                ID,
                act(AUTHORITY, RECENTLY),
                null,
                new Suspension(
                        "Admitted to hospital under s2",
                        "The ward and the discharge team meet Sam's needs",
                        true,
                        NotificationMethod.IN_PERSON));
    }

    static BudgetEvent budgetResumed() {
        return new BudgetResumed(ID, act(AUTHORITY, RECENTLY.plusSeconds(86_400)), null, new Reason("Discharged home"));
    }

    static BudgetEvent budgetClosed() {
        return new BudgetClosed(
                ID,
                act(AUTHORITY, RECENTLY.plusSeconds(7_200)),
                null,
                new Reason("Sam moved to another council area"),
                NotificationMethod.LETTER);
    }

    static BudgetEvent decisionChallenged(Challenge challenge, long decisionSequence, Instant decidedAt, Money amount) {
        return new DecisionChallenged(ID, act(PERSON, RECENTLY), null, challenge, decisionSequence, decidedAt, amount);
    }

    /** Sam's challenge of the approved amount in {@link #active()}, whose approval is its event 6. */
    static BudgetEvent approvalChallenged() {
        return decisionChallenged(CHALLENGE, 6, APPROVED_AT, OFFERED);
    }

    static BudgetEvent challengeAnswered(ChallengeAnswer answer) {
        return new ChallengeAnswered(
                ID, act(AUTHORITY, RECENTLY.plusSeconds(86_400)), null, answer, "CMP-2026-0042", RECENTLY);
    }

    /** In use by direct payment, and Sam challenged the approved amount. */
    static List<BudgetEvent> challenged() {
        return plus(active(), approvalChallenged());
    }

    /** An erasure the head of service requested, which another authority confirms. */
    static final Erasure ERASURE = new Erasure(
            "0f7c2a9e-5b1d-4c8e-9a63-2d4f8e1b7c05",
            HEAD_OF_SERVICE.id(),
            RECENTLY.plusSeconds(10_800),
            "Xk3v9QmJr0aTq1wZy8LpBg");

    static BudgetEvent erasureConfirmed() {
        return new PersonalDataErasureConfirmed(ID, act(AUTHORITY, RECENTLY.plusSeconds(14_400)), null, ERASURE);
    }

    // --- Histories, one for each stage of the lifecycle. ---

    static List<BudgetEvent> opened() {
        return List.of(budgetOpened());
    }

    static List<BudgetEvent> assessed() {
        return plus(opened(), needsAssessed(ASSESSMENT));
    }

    static List<BudgetEvent> offered() {
        return plus(assessed(), budgetOffered(OFFER));
    }

    /** Sam contested the offer, asking for £14,000 a year. */
    static List<BudgetEvent> contested() {
        return plus(offered(), offerContested(CONTEST));
    }

    static List<BudgetEvent> planning() {
        return plus(offered(), offerAccepted(OFFERED));
    }

    static List<BudgetEvent> submitted() {
        return plus(planning(), planSubmitted(PLAN));
    }

    static List<BudgetEvent> endorsed() {
        return plus(submitted(), planEndorsed());
    }

    static List<BudgetEvent> approved() {
        return plus(endorsed(), planApproved());
    }

    /** In use by direct payment. */
    static List<BudgetEvent> active() {
        return active(DIRECT_PAYMENT);
    }

    static List<BudgetEvent> active(Management management) {
        return plus(approved(), managementChosen(management));
    }

    static List<BudgetEvent> suspended() {
        return plus(active(), budgetSuspended());
    }

    /** Offered, and Sam delegated control to his sister. */
    static List<BudgetEvent> delegated() {
        return plus(offered(), controlDelegated(DELEGATION));
    }

    /** Offered, and an authorised person was appointed. */
    static List<BudgetEvent> authorised() {
        return plus(offered(), authorisedPersonAppointed());
    }

    static List<BudgetEvent> closed() {
        return plus(active(), budgetClosed());
    }

    static List<BudgetEvent> plus(List<BudgetEvent> history, BudgetEvent... more) {
        List<BudgetEvent> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return List.copyOf(events);
    }

    /** The history with each event's control transfer filled in by folding the control rule over it. */
    static List<BudgetEvent> stamped(List<BudgetEvent> history) {
        ControlState state = ControlState.INITIAL;
        List<BudgetEvent> events = new ArrayList<>();
        for (BudgetEvent event : history) {
            events.add(withControl(event, ControlRule.transfer(state, event)));
            state = ControlRule.after(state, event);
        }
        return events;
    }

    private static BudgetEvent withControl(BudgetEvent event, ControlTransfer transfer) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("control")
                        ? transfer
                        : components[i].getAccessor().invoke(event);
            }
            return (BudgetEvent) event.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot stamp " + event.getClass().getSimpleName(), e);
        }
    }

    // --- One valid command of each type, for the history it fits. ---

    /**
     * A command type in the history where it is accepted, an actor who may send it, and one representative
     * role that may not.
     */
    record CommandCase(
            String name,
            List<BudgetEvent> history,
            Actor allowed,
            Actor notAllowed,
            Function<Actor, BudgetCommand> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The one command accepted after closure. */
    static final String RECORD_ERASURE = "RecordErasure";

    static List<CommandCase> everyCommand() {
        List<BudgetEvent> reviewDue = plus(active(), reviewScheduled(LIGHT_TOUCH_REVIEW));
        return List.of(
                new CommandCase(
                        "OpenBudget", List.of(), PRACTITIONER, PERSON, actor -> new OpenBudget(ID, actor, OPENING)),
                new CommandCase(
                        "RecordAssessment",
                        opened(),
                        PRACTITIONER,
                        AUTHORITY,
                        actor -> new RecordAssessment(ID, actor, ASSESSMENT)),
                new CommandCase(
                        "OfferBudget", assessed(), AUTHORITY, PRACTITIONER, actor -> new OfferBudget(ID, actor, OFFER)),
                new CommandCase(
                        "ContestOffer", offered(), PERSON, AUTHORITY, actor -> new ContestOffer(ID, actor, CONTEST)),
                new CommandCase(
                        "ReviseOffer", contested(), AUTHORITY, PERSON, actor -> new ReviseOffer(ID, actor, REVISION)),
                new CommandCase("AcceptOffer", offered(), PERSON, PRACTITIONER, actor -> new AcceptOffer(ID, actor)),
                new CommandCase("SubmitPlan", planning(), PERSON, AUTHORITY, actor -> new SubmitPlan(ID, actor, PLAN)),
                new CommandCase(
                        "EndorsePlan",
                        submitted(),
                        PRACTITIONER,
                        PERSON,
                        actor -> new EndorsePlan(ID, actor, new Endorsement(null))),
                new CommandCase(
                        "ReturnPlan",
                        submitted(),
                        PRACTITIONER,
                        AUTHORITY,
                        actor -> new ReturnPlan(ID, actor, new PlanReturn("Cost the evening support"))),
                new CommandCase(
                        "AddPersonStatement",
                        endorsed(),
                        PERSON,
                        PRACTITIONER,
                        actor -> new AddPersonStatement(ID, actor, new PersonStatement("This plan is mine."))),
                new CommandCase(
                        "ApproveByAuthority",
                        endorsed(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new ApproveByAuthority(ID, actor, APPROVAL)),
                new CommandCase(
                        "DeclineByAuthority",
                        endorsed(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new DeclineByAuthority(
                                ID,
                                actor,
                                new Decline("The evenings are not covered", true, NotificationMethod.IN_PERSON))),
                new CommandCase(
                        "ChooseManagement",
                        approved(),
                        PERSON,
                        AUTHORITY,
                        actor -> new ChooseManagement(ID, actor, DIRECT_PAYMENT)),
                new CommandCase(
                        "DelegateControl",
                        offered(),
                        PERSON,
                        PRACTITIONER,
                        actor -> new DelegateControl(ID, actor, DELEGATION)),
                new CommandCase(
                        "ResumeControl",
                        delegated(),
                        PERSON,
                        AUDITOR,
                        actor -> new ResumeControl(ID, actor, RESUMPTION)),
                new CommandCase(
                        "AppointAuthorisedPerson",
                        offered(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new AppointAuthorisedPerson(ID, actor, AUTHORISATION)),
                new CommandCase(
                        "EndAuthorisation",
                        authorised(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new EndAuthorisation(ID, actor, new Reason("Capacity regained"))),
                new CommandCase(
                        "AdjustBudget",
                        active(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new AdjustBudget(ID, actor, temporaryAdjustment(Money.yearly(1_400_000)))),
                new CommandCase(
                        "RecordOutcome",
                        active(),
                        PERSON,
                        AUTHORITY,
                        actor -> new RecordOutcome(
                                ID,
                                actor,
                                new Outcome(OutcomeDomain.CONFIDENCE_AND_SKILLS, "I cooked on Sunday.", "G2"))),
                new CommandCase(
                        "ScheduleReview",
                        active(),
                        SYSTEM,
                        AUTHORITY,
                        actor -> new ScheduleReview(ID, actor, LIGHT_TOUCH_REVIEW)),
                new CommandCase(
                        "CompleteReview",
                        reviewDue,
                        PRACTITIONER,
                        SYSTEM,
                        actor -> new CompleteReview(ID, actor, reviewResult(ReviewOutcome.CONTINUE))),
                new CommandCase(
                        "SuspendBudget",
                        active(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new SuspendBudget(
                                ID,
                                actor,
                                new Suspension(
                                        "In hospital", "The ward meets needs", true, NotificationMethod.IN_PERSON))),
                new CommandCase(
                        "ResumeBudget",
                        suspended(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new ResumeBudget(ID, actor, new Reason("Home again"))),
                new CommandCase(
                        "CloseBudget", active(), AUTHORITY, PRACTITIONER, actor -> new CloseBudget(ID, actor, CLOSURE)),
                new CommandCase(
                        "ReallocatePractitioner",
                        active(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new ReallocatePractitioner(ID, actor, REALLOCATION)),
                new CommandCase(
                        "WithdrawContest",
                        contested(),
                        PERSON,
                        AUTHORITY,
                        actor -> new WithdrawContest(ID, actor, new Reason("The offer is enough after all"))),
                new CommandCase(
                        "WithdrawPlan",
                        endorsed(),
                        PERSON,
                        AUTHORITY,
                        actor -> new WithdrawPlan(ID, actor, new Reason("My needs changed"))),
                new CommandCase(
                        "ChallengeDecision",
                        active(),
                        PERSON,
                        AUTHORITY,
                        actor -> new ChallengeDecision(ID, actor, CHALLENGE)),
                new CommandCase(
                        "AnswerChallenge",
                        challenged(),
                        AUTHORITY,
                        PERSON,
                        actor -> new AnswerChallenge(ID, actor, NOT_UPHELD)),
                new CommandCase(
                        "StatePreferredControl",
                        active(),
                        PERSON,
                        AUTHORITY,
                        actor -> new StatePreferredControl(ID, actor, PreferredControl.HOLD_IT_MYSELF)),
                new CommandCase(
                        RECORD_ERASURE,
                        closed(),
                        AUTHORITY,
                        PRACTITIONER,
                        actor -> new RecordErasure(ID, actor, ERASURE)));
    }
}
