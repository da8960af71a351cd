package uk.gov.personalbudget.contracts;

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
import uk.gov.personalbudget.contracts.event.OutcomeRecorded;
import uk.gov.personalbudget.contracts.event.PersonStatementAdded;
import uk.gov.personalbudget.contracts.event.PersonalDataErasureConfirmed;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanDeclinedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanEndorsed;
import uk.gov.personalbudget.contracts.event.PlanReturned;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.PlanWithdrawn;
import uk.gov.personalbudget.contracts.event.PractitionerReallocated;
import uk.gov.personalbudget.contracts.event.PreferredControlStated;
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

import java.time.Instant;
import java.util.List;

/** Realistic sample values, and one instance of every command and event, for the contracts' tests. */
public final class Samples {

    public static final BudgetId BUDGET = new BudgetId("PB-2026-0001");
    public static final PersonReference PERSON_REF = new PersonReference("P-1001");
    public static final Instant AT = Instant.parse("2026-01-12T10:15:30Z");

    public static final Actor PERSON = new Actor("person-1001", Role.PERSON, PERSON_REF, null);
    public static final Actor NOMINEE = new Actor("nominee-2001", Role.NOMINEE, PERSON_REF, null);
    public static final Actor PRACTITIONER = Actor.of("sw-3001", Role.PRACTITIONER);
    public static final Actor AUTHORITY = new Actor("tm-4001", Role.AUTHORITY, null, 1_500_000L);
    public static final Actor SYSTEM = Actor.of("review-scheduler", Role.SYSTEM);

    public static final Money OFFERED = Money.yearly(1_250_000);
    public static final Calculation CALCULATION = new Calculation(
            "Resource allocation system",
            "RAS-2025.2",
            List.of(
                    new BreakdownLine("Personal care, 6 hours a week", Money.yearly(800_000)),
                    new BreakdownLine("Community activities", new Money(7_500, Period.WEEKLY)),
                    new BreakdownLine("Peer support group", new Money(5_000, Period.MONTHLY))));
    public static final Assessment ASSESSMENT = new Assessment(
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
    public static final Plan PLAN = new Plan(
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
            new PersonAgreement(
                    AgreementMethod.IN_PERSON,
                    Instant.parse("2026-02-03T11:00:00Z"),
                    "Case note CN-2026-0203",
                    "Agreed with Sam at home visit, 3 Feb 2026"));
    public static final Approval APPROVAL = new Approval(
            OFFERED, new Money(104_166, Period.MONTHLY), List.of("Keep receipts for the allotment tools"), null, true);
    public static final Delegation DELEGATION = new Delegation(
            new Delegate("nominee-2001", Role.NOMINEE),
            DelegationReason.FLUCTUATING_CAPACITY,
            "Sam asked his sister to manage things while he is in hospital",
            Instant.parse("2026-03-31T00:00:00Z"));
    public static final ReviewSchedule REVIEW =
            new ReviewSchedule(ReviewKind.INITIAL_LIGHT_TOUCH, Instant.parse("2026-03-30T09:00:00Z"));

    public static final Challenge CHALLENGE = new Challenge(
            ChallengedDecision.APPROVED_AMOUNT,
            "CMP-2026-0042",
            "The approved amount leaves no support for evenings, when I am at my worst",
            Money.yearly(1_400_000));
    public static final ChallengeAnswer CHALLENGE_ANSWER = new ChallengeAnswer(
            ChallengedDecision.APPROVED_AMOUNT,
            ChallengeResult.PARTLY_UPHELD,
            "Two evenings a week are needed after discharge; the other evenings are met by the peer group",
            "A temporary adjustment adds two evenings a week for twelve weeks",
            true,
            NotificationMethod.IN_PERSON);

    private Samples() {}

    public static Act act(Actor actor) {
        return new Act(actor.id(), actor.role(), null, AT);
    }

    public static Act actFor(Actor actor) {
        return new Act(actor.id(), actor.role(), PERSON_REF, AT);
    }

    public static ControlTransfer transfer(ControlParty before, ControlParty after) {
        return new ControlTransfer(ControlHolder.of(before), ControlHolder.of(after));
    }

    /** One instance of every command, each with every optional field filled. */
    public static List<BudgetCommand> oneOfEachCommand() {
        return List.of(
                new OpenBudget(BUDGET, PRACTITIONER, new BudgetOpening(PERSON_REF, "leeds", "sw-3001")),
                new RecordAssessment(BUDGET, PRACTITIONER, ASSESSMENT),
                new OfferBudget(BUDGET, AUTHORITY, new Offer(OFFERED, CALCULATION)),
                new ContestOffer(
                        BUDGET, PERSON, new Contest("The offer leaves no hours for evenings", Money.yearly(1_400_000))),
                new ReviseOffer(
                        BUDGET,
                        AUTHORITY,
                        new Revision(
                                Money.yearly(1_300_000),
                                new Calculation(
                                        "Resource allocation system",
                                        "RAS-2025.2",
                                        List.of(new BreakdownLine(
                                                "Personal care and evening support", Money.yearly(1_300_000)))),
                                "Evening support added; the rest is met by the community mental health team")),
                new AcceptOffer(BUDGET, NOMINEE),
                new SubmitPlan(BUDGET, PERSON, PLAN),
                new EndorsePlan(BUDGET, PRACTITIONER, new Endorsement("Plan meets the assessed needs")),
                new ReturnPlan(BUDGET, PRACTITIONER, new PlanReturn("Say who provides the personal assistant")),
                new AddPersonStatement(BUDGET, PERSON, new PersonStatement("The allotment is what keeps me well.")),
                new ApproveByAuthority(
                        BUDGET,
                        AUTHORITY,
                        new Approval(
                                Money.yearly(1_200_000),
                                new Money(100_000, Period.MONTHLY),
                                List.of("Receipts kept"),
                                "Peer group is free",
                                false)),
                new DeclineByAuthority(
                        BUDGET,
                        AUTHORITY,
                        new Decline("The personal assistant hours are not costed", true, NotificationMethod.LETTER)),
                new ChooseManagement(
                        BUDGET,
                        PERSON,
                        new Management(
                                ManagementOption.MIXED,
                                "Leeds Mind",
                                new MixedSplit(Money.yearly(600_000), Money.yearly(400_000), Money.yearly(250_000)))),
                new DelegateControl(BUDGET, PERSON, DELEGATION),
                new ResumeControl(BUDGET, NOMINEE, new Resumption("Sam is home again")),
                new AppointAuthorisedPerson(BUDGET, AUTHORITY, new Authorisation("nominee-2001", "MCA-2026-0042")),
                new EndAuthorisation(BUDGET, AUTHORITY, new Reason("Capacity regained, MCA-2026-0057")),
                new AdjustBudget(
                        BUDGET,
                        AUTHORITY,
                        new Adjustment(
                                AdjustmentKind.TEMPORARY,
                                Money.yearly(1_400_000),
                                AT,
                                Instant.parse("2026-04-12T00:00:00Z"),
                                "Extra support through a crisis",
                                Role.NOMINEE)),
                new RecordOutcome(
                        BUDGET,
                        PERSON,
                        new Outcome(OutcomeDomain.CONFIDENCE_AND_SKILLS, "I cooked for my brother on Sunday.", "G2")),
                new ScheduleReview(BUDGET, SYSTEM, REVIEW),
                new CompleteReview(
                        BUDGET,
                        PRACTITIONER,
                        new ReviewResult(ReviewOutcome.CONTINUE, "Going well; keep the plan", true)),
                new SuspendBudget(
                        BUDGET,
                        AUTHORITY,
                        new Suspension(
                                "Admitted to hospital under s2",
                                "Ward staff and the hospital discharge team meet needs")),
                new ResumeBudget(BUDGET, AUTHORITY, new Reason("Discharged home")),
                new CloseBudget(
                        BUDGET, AUTHORITY, new Closure("Moved to another council area", NotificationMethod.LETTER)),
                new ReallocatePractitioner(
                        BUDGET, AUTHORITY, new Reallocation("sw-3002", "Sam's social worker moved team")),
                new WithdrawContest(BUDGET, PERSON, new Reason("I talked it over and the offer is enough")),
                new WithdrawPlan(BUDGET, PERSON, new Reason("My needs changed: I want a new assessment")),
                new RecordErasure(
                        BUDGET,
                        AUTHORITY,
                        new Erasure("4b1e0c52-6f3e-4a55-9d0f-0e8f7a6c2b11", "au-2001", AT, "Xk3v9QmJr0aTq1wZy8LpBg")),
                new ChallengeDecision(BUDGET, PERSON, CHALLENGE),
                new AnswerChallenge(BUDGET, AUTHORITY, CHALLENGE_ANSWER),
                new StatePreferredControl(BUDGET, PERSON, PreferredControl.HOLD_IT_MYSELF));
    }

    /** One instance of every event, each with a control transfer and every optional field filled. */
    public static List<BudgetEvent> oneOfEachEvent() {
        return List.of(
                new BudgetOpened(
                        BUDGET,
                        act(PRACTITIONER),
                        transfer(ControlParty.NOBODY, ControlParty.PRACTITIONER),
                        new BudgetOpening(PERSON_REF, "leeds", "sw-3001")),
                new NeedsAssessed(
                        BUDGET,
                        act(PRACTITIONER),
                        transfer(ControlParty.PRACTITIONER, ControlParty.AUTHORITY),
                        ASSESSMENT),
                new BudgetOffered(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        new Offer(OFFERED, CALCULATION)),
                new OfferContested(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.PERSON, ControlParty.AUTHORITY),
                        new Contest("The offer leaves no hours for evenings", Money.yearly(1_400_000)),
                        OFFERED),
                new OfferRevised(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        new Revision(
                                Money.yearly(1_300_000),
                                new Calculation(
                                        "Resource allocation system",
                                        "RAS-2025.2",
                                        List.of(new BreakdownLine("All support", Money.yearly(1_300_000)))),
                                "Evening support added"),
                        OFFERED,
                        Money.yearly(1_400_000)),
                new OfferAccepted(
                        BUDGET,
                        actFor(NOMINEE),
                        new ControlTransfer(
                                ControlHolder.named(ControlParty.NOMINEE, "nominee-2001"),
                                ControlHolder.named(ControlParty.NOMINEE, "nominee-2001")),
                        OFFERED),
                new PlanSubmitted(
                        BUDGET, actFor(PRACTITIONER), transfer(ControlParty.PERSON, ControlParty.PRACTITIONER), PLAN),
                new PlanEndorsed(
                        BUDGET,
                        act(PRACTITIONER),
                        transfer(ControlParty.PRACTITIONER, ControlParty.AUTHORITY),
                        new Endorsement("Plan meets the assessed needs")),
                new PlanReturned(
                        BUDGET,
                        act(PRACTITIONER),
                        transfer(ControlParty.PRACTITIONER, ControlParty.PERSON),
                        new PlanReturn("Say who provides the personal assistant")),
                new PersonStatementAdded(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.AUTHORITY, ControlParty.AUTHORITY),
                        new PersonStatement("The allotment is what keeps me well.")),
                new PlanApprovedByAuthority(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        APPROVAL,
                        OFFERED,
                        true),
                new PlanDeclinedByAuthority(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        new Decline("The personal assistant hours are not costed", false, NotificationMethod.EMAIL),
                        true),
                new ManagementChosen(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.PERSON, ControlParty.PROVIDER),
                        new Management(ManagementOption.INDIVIDUAL_SERVICE_FUND, "Leeds Mind", null)),
                new ControlDelegated(
                        BUDGET,
                        act(PERSON),
                        new ControlTransfer(
                                ControlHolder.PERSON, ControlHolder.named(ControlParty.NOMINEE, "nominee-2001")),
                        DELEGATION),
                new ControlResumed(
                        BUDGET,
                        act(AUTHORITY),
                        new ControlTransfer(
                                ControlHolder.named(ControlParty.NOMINEE, "nominee-2001"), ControlHolder.PERSON),
                        new Delegate("nominee-2001", Role.NOMINEE),
                        new Resumption("Sam is home again")),
                new AuthorisedPersonAppointed(
                        BUDGET,
                        act(AUTHORITY),
                        new ControlTransfer(
                                ControlHolder.PERSON, ControlHolder.named(ControlParty.NOMINEE, "nominee-2001")),
                        new Authorisation("nominee-2001", "MCA-2026-0042")),
                new AuthorisationEnded(
                        BUDGET,
                        act(AUTHORITY),
                        new ControlTransfer(
                                ControlHolder.named(ControlParty.NOMINEE, "nominee-2001"), ControlHolder.PERSON),
                        "nominee-2001",
                        new Reason("Capacity regained")),
                new BudgetAdjusted(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.PERSON, ControlParty.PERSON),
                        new Adjustment(
                                AdjustmentKind.LASTING,
                                Money.yearly(1_300_000),
                                AT,
                                null,
                                "Needs increased after review",
                                Role.PRACTITIONER),
                        OFFERED),
                new OutcomeRecorded(
                        BUDGET,
                        actFor(NOMINEE),
                        transfer(ControlParty.PERSON, ControlParty.PERSON),
                        new Outcome(OutcomeDomain.MENTAL_HEALTH_AND_WELLBEING, "Fewer bad days this month.", "G1")),
                new ReviewScheduled(
                        BUDGET, act(SYSTEM), transfer(ControlParty.AUTHORITY, ControlParty.AUTHORITY), REVIEW),
                new ReviewCompleted(
                        BUDGET,
                        act(PRACTITIONER),
                        transfer(ControlParty.PERSON, ControlParty.PERSON),
                        REVIEW,
                        new ReviewResult(ReviewOutcome.REPLAN, "Goals met; new goals set", true)),
                new BudgetSuspended(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.PERSON, ControlParty.AUTHORITY),
                        new Suspension("Admitted to hospital", "Ward staff meet needs")),
                new BudgetResumed(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        new Reason("Discharged home")),
                new BudgetClosed(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.PERSON, ControlParty.NOBODY),
                        new Reason("Moved to another council area"),
                        NotificationMethod.LETTER),
                new PractitionerReallocated(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.PERSON, ControlParty.PERSON),
                        new Reallocation("sw-3002", "Sam's social worker moved team"),
                        "sw-3001"),
                new ContestWithdrawn(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        new Reason("I talked it over and the offer is enough")),
                new PlanWithdrawn(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.AUTHORITY, ControlParty.PERSON),
                        new Reason("My needs changed: I want a new assessment")),
                new PersonalDataErasureConfirmed(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.NOBODY, ControlParty.NOBODY),
                        new Erasure("4b1e0c52-6f3e-4a55-9d0f-0e8f7a6c2b11", "au-2001", AT, "Xk3v9QmJr0aTq1wZy8LpBg")),
                new DecisionChallenged(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.NOBODY, ControlParty.NOBODY),
                        CHALLENGE,
                        10,
                        AT.minusSeconds(86_400 * 14L),
                        OFFERED),
                new ChallengeAnswered(
                        BUDGET,
                        act(AUTHORITY),
                        transfer(ControlParty.NOBODY, ControlParty.NOBODY),
                        CHALLENGE_ANSWER,
                        "CMP-2026-0042",
                        AT.minusSeconds(86_400 * 7L)),
                new PreferredControlStated(
                        BUDGET,
                        act(PERSON),
                        transfer(ControlParty.NOBODY, ControlParty.NOBODY),
                        PreferredControl.HOLD_IT_MYSELF,
                        PreferredControl.SHARE_IT));
    }
}
