package uk.gov.personalbudget.approval.support;

import uk.gov.personalbudget.approval.projection.EventEnvelope;
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
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
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
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Realistic events of one budget, built step by step as budget-service would write them: each event's
 * control transfer comes from the contracts' {@link ControlRule}, folded over the events so far, never
 * written by hand; the person's acts are done by the delegate or authorised person while one is in force,
 * on the person's behalf. Sequences start at 0; each event happens {@link #STEP} after the one before unless
 * {@link #after(Duration)} or {@link #at(Instant)} says otherwise. It does not check budget-service's rules:
 * call the steps in an order the lifecycle allows.
 * <pre>{@code
 * List<EventEnvelope> events = LifecycleEvents.budget("PB-1").opened().assessed().offered(1_250_000)
 *         .after(Duration.ofDays(3)).accepted().envelopes();
 * List<EventEnvelope> everything = LifecycleEvents.fullLifecycle("PB-2").envelopes();
 * }</pre>
 */
public final class LifecycleEvents {

    public static final PersonReference PERSON_REF = new PersonReference("P-1001");
    public static final String PERSON = "person-1001";
    public static final String NOMINEE = "nominee-2001";
    public static final String AUTHORISED_PERSON = "nominee-2002";
    public static final String PRACTITIONER = "sw-3001";
    public static final String AUTHORITY = "tm-4001";
    public static final String SYSTEM = "review-scheduler";
    /** The council budgets belong to unless {@link #inCouncil} says otherwise: test-support's home council. */
    public static final String LOCAL_AUTHORITY = TokenHolder.HOME_COUNCIL;

    public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    public static final Duration STEP = Duration.ofHours(1);

    private final BudgetId budgetId;
    private final PersonReference person;
    private String allocatedPractitioner;
    private String council = LOCAL_AUTHORITY;
    private final List<EventEnvelope> envelopes = new ArrayList<>();
    private ControlState control = ControlState.INITIAL;
    private Instant last;
    private Instant next;

    private Money offered;
    private Money requested;
    private Plan plan;
    private boolean statementAdded;
    private Money approved;
    private ReviewSchedule pendingReview;
    private Delegate delegate;
    private String authorisedPerson;
    private PreferredControl preference;
    private final java.util.Map<ChallengedDecision, Instant> challengedAt =
            new java.util.EnumMap<>(ChallengedDecision.class);

    private LifecycleEvents(BudgetId budgetId, PersonReference person, String allocatedPractitioner, Instant start) {
        this.budgetId = budgetId;
        this.person = person;
        this.allocatedPractitioner = allocatedPractitioner;
        this.next = start;
    }

    /** A budget for {@link #PERSON_REF} on {@link #PRACTITIONER}'s caseload, its first event at {@link #START}. */
    public static LifecycleEvents budget(String budgetId) {
        return budget(budgetId, START);
    }

    public static LifecycleEvents budget(String budgetId, Instant start) {
        return new LifecycleEvents(new BudgetId(budgetId), PERSON_REF, PRACTITIONER, start);
    }

    public static LifecycleEvents budget(
            String budgetId, Instant start, PersonReference person, String allocatedPractitioner) {
        return new LifecycleEvents(new BudgetId(budgetId), person, allocatedPractitioner, start);
    }

    /**
     * A whole life with 24 of the event types: a contest answered in part, a plan returned, one declined and one
     * approved, a direct payment, a delegation handed back, a review, a temporary adjustment, an outcome, a
     * suspension, an authorised person appointed and ended, and closure. {@link #everyEventType} has the rest.
     */
    public static LifecycleEvents fullLifecycle(String budgetId) {
        return fullLifecycle(budgetId, START);
    }

    public static LifecycleEvents fullLifecycle(String budgetId, Instant start) {
        LifecycleEvents b = budget(budgetId, start);
        Instant opened = start;
        return b.opened()
                .after(Duration.ofDays(7))
                .assessed()
                .after(Duration.ofDays(5))
                .offered(1_250_000)
                .after(Duration.ofDays(2))
                .contested("It does not cover support in the evenings", 1_400_000L)
                .after(Duration.ofDays(6))
                .revised(1_350_000, "Evening support added for two evenings, not three")
                .after(Duration.ofDays(1))
                .accepted()
                .after(Duration.ofDays(10))
                .submitted(1_350_000)
                .after(Duration.ofDays(3))
                .returned("Please say which goal the gym membership serves")
                .after(Duration.ofDays(4))
                .submitted(1_350_000)
                .after(Duration.ofDays(2))
                .endorsed("Co-produced with Sam; sensible and within the offer")
                .after(Duration.ofDays(1))
                .statementAdded("I want to choose my own personal assistant")
                .after(Duration.ofDays(5))
                .declined("The personal assistant agency is not registered", true)
                .after(Duration.ofDays(6))
                .submitted(1_350_000)
                .after(Duration.ofDays(1))
                .endorsed(null)
                .after(Duration.ofDays(3))
                .approved()
                .after(Duration.ofDays(2))
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .after(Duration.ofDays(20))
                .delegated(
                        NOMINEE,
                        Role.NOMINEE,
                        opened.plus(Duration.ofDays(120)),
                        "Sam asked his sister to manage things while he is in hospital")
                .after(Duration.ofDays(14))
                .resumed("Home from hospital")
                .after(Duration.ofDays(1))
                .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, opened.plus(Duration.ofDays(130)))
                .after(Duration.ofDays(9))
                .reviewCompleted(ReviewOutcome.CONTINUE, "Going well; keep the plan")
                .after(Duration.ofDays(10))
                .adjusted(1_500_000, "More support while distress is high", opened.plus(Duration.ofDays(200)))
                .after(Duration.ofDays(3))
                .outcomeRecorded("I went back to the allotment with my brother")
                .after(Duration.ofDays(20))
                .suspended("Admitted to hospital for a long stay")
                .after(Duration.ofDays(30))
                .budgetResumed("Discharged home")
                .after(Duration.ofDays(15))
                .authorisedPersonAppointed(AUTHORISED_PERSON, "MCA-2026-0042")
                .after(Duration.ofDays(40))
                .authorisationEnded("Sam has regained capacity")
                .after(Duration.ofDays(60))
                .closed("Sam moved to another council area");
    }

    /**
     * A life with every one of the 31 event types: as {@link #fullLifecycle} plus a contest withdrawn, a plan
     * withdrawn and the budget moved to another practitioner's caseload while its plan waits for the authority, the
     * approved amount challenged and the challenge answered, and the person's preferred control stated;
     * ended by a review, closed, and the person's personal data erased.
     */
    public static LifecycleEvents everyEventType(String budgetId) {
        LifecycleEvents b = budget(budgetId);
        return b.opened()
                .after(Duration.ofDays(7))
                .assessed()
                .after(Duration.ofDays(5))
                .offered(1_250_000)
                .after(Duration.ofDays(2))
                .contested("It does not cover support in the evenings", 1_400_000L)
                .after(Duration.ofDays(3))
                .contestWithdrawn("We talked it through: the offer covers the evenings")
                .after(Duration.ofDays(1))
                .contested("Still short for the weekends", 1_400_000L)
                .after(Duration.ofDays(6))
                .revised(1_350_000, "Weekend support added, not all of it")
                .after(Duration.ofDays(1))
                .accepted()
                .after(Duration.ofDays(10))
                .submitted(1_350_000)
                .after(Duration.ofDays(2))
                .planWithdrawn("I want to add the allotment first")
                .after(Duration.ofDays(3))
                .submitted(1_350_000)
                .after(Duration.ofDays(3))
                .returned("Please say which goal the gym membership serves")
                .after(Duration.ofDays(4))
                .submitted(1_350_000)
                .after(Duration.ofDays(2))
                .endorsed("Co-produced with Sam")
                .after(Duration.ofDays(1))
                .statementAdded("I want to choose my own personal assistant")
                .after(Duration.ofDays(5))
                .declined("The personal assistant agency is not registered", true)
                .after(Duration.ofDays(6))
                .submitted(1_350_000)
                .after(Duration.ofDays(1))
                .endorsed(null)
                .after(Duration.ofDays(1))
                .reallocated("sw-3002", "Sam's social worker moved team")
                .after(Duration.ofDays(2))
                .approved()
                .after(Duration.ofDays(2))
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .after(Duration.ofDays(25))
                .delegated(
                        NOMINEE,
                        Role.NOMINEE,
                        START.plus(Duration.ofDays(140)),
                        "Sam asked his sister to manage things while he is in hospital")
                .after(Duration.ofDays(14))
                .resumed("Home from hospital")
                .after(Duration.ofDays(10))
                .adjusted(1_500_000, "More support while distress is high", START.plus(Duration.ofDays(220)))
                .after(Duration.ofDays(3))
                .outcomeRecorded("I went back to the allotment with my brother")
                .after(Duration.ofDays(20))
                .suspended("Admitted to hospital for a long stay")
                .after(Duration.ofDays(30))
                .budgetResumed("Discharged home")
                .after(Duration.ofDays(1))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-2026-0042", "The amount leaves my evenings bare")
                .after(Duration.ofDays(5))
                .challengeAnswered(
                        ChallengedDecision.APPROVED_AMOUNT,
                        ChallengeResult.NOT_UPHELD,
                        "The crisis cafe covers the evenings",
                        null)
                .after(Duration.ofDays(1))
                .preferredControlStated(PreferredControl.HOLD_IT_MYSELF)
                .after(Duration.ofDays(8))
                .authorisedPersonAppointed(AUTHORISED_PERSON, "MCA-2026-0042")
                .after(Duration.ofDays(40))
                .authorisationEnded("Sam has regained capacity")
                .after(Duration.ofDays(1))
                .reviewScheduled(ReviewKind.ANNUAL, START.plus(Duration.ofDays(365)))
                .after(Duration.ofDays(9))
                .reviewCompleted(ReviewOutcome.END, "Sam no longer needs the support")
                .after(Duration.ofDays(14))
                .closed("Needs met without a budget; Sam agreed at the review")
                .after(Duration.ofDays(400))
                .erasureConfirmed("hos-4002");
    }

    /** The budget belongs to {@code council} (call before {@link #opened()}). */
    public LifecycleEvents inCouncil(String council) {
        this.council = council;
        return this;
    }

    // --- Time ---

    /** The next event happens at {@code instant}. */
    public LifecycleEvents at(Instant instant) {
        next = instant;
        return this;
    }

    /** The next event happens {@code gap} after the last one. */
    public LifecycleEvents after(Duration gap) {
        next = (last == null ? next : last).plus(gap);
        return this;
    }

    // --- Events, in lifecycle order ---

    public LifecycleEvents opened() {
        return emit(
                PRACTITIONER,
                Role.PRACTITIONER,
                null,
                (act, c) ->
                        new BudgetOpened(budgetId, act, c, new BudgetOpening(person, council, allocatedPractitioner)));
    }

    public LifecycleEvents assessed() {
        offered = null;
        requested = null;
        return emit(
                PRACTITIONER,
                Role.PRACTITIONER,
                null,
                (act, c) -> new NeedsAssessed(
                        budgetId,
                        act,
                        c,
                        new Assessment(
                                AssessmentKind.CO_PRODUCED,
                                List.of(
                                        "Managing and maintaining nutrition",
                                        "Developing and maintaining family relationships"),
                                true,
                                "Two eligible outcomes cannot be achieved because of a mental impairment (reg. 2(2))",
                                true,
                                List.of(
                                        new RecoveryGoal("G1", "Go back to the allotment with my brother"),
                                        new RecoveryGoal("G2", "Cook for myself three days a week")),
                                false)));
    }

    /** A (re-)assessment that records how much control the person wants. */
    public LifecycleEvents assessed(PreferredControl preferred) {
        offered = null;
        requested = null;
        preference = preferred;
        return emit(
                PRACTITIONER,
                Role.PRACTITIONER,
                null,
                (act, c) -> new NeedsAssessed(
                        budgetId,
                        act,
                        c,
                        new Assessment(
                                AssessmentKind.CO_PRODUCED,
                                List.of("Managing and maintaining nutrition"),
                                true,
                                "Two eligible outcomes cannot be achieved because of a mental impairment (reg. 2(2))",
                                true,
                                List.of(new RecoveryGoal("G1", "Go back to the allotment with my brother")),
                                false,
                                preferred)));
    }

    /** The person (or whoever stands in their place) challenges a decision: at the approved amount, or none. */
    public LifecycleEvents challenged(ChallengedDecision decision, String complaintReference, String grounds) {
        Money decided = decision == ChallengedDecision.DECLINE ? null : approved;
        Instant decidedAt = last;
        challengedAt.put(decision, next);
        return personAct((act, c) -> new DecisionChallenged(
                budgetId,
                act,
                c,
                new Challenge(decision, complaintReference, grounds, null),
                Math.max(0, envelopes.size() - 1),
                decidedAt,
                decided));
    }

    /** The authority answers the open challenge of {@code decision}. */
    public LifecycleEvents challengeAnswered(
            ChallengedDecision decision, ChallengeResult result, String reasons, String changes) {
        Instant since = challengedAt.remove(decision);
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new ChallengeAnswered(
                        budgetId,
                        act,
                        c,
                        new ChallengeAnswer(decision, result, reasons, changes, true, NotificationMethod.LETTER),
                        "CMP-2026-0042",
                        since));
    }

    /** The person says how much control they now want. */
    public LifecycleEvents preferredControlStated(PreferredControl preferred) {
        PreferredControl before = preference;
        preference = preferred;
        return personAct((act, c) -> new PreferredControlStated(budgetId, act, c, preferred, before));
    }

    public LifecycleEvents offered(long yearlyPence) {
        Money amount = Money.yearly(yearlyPence);
        offered = amount;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new BudgetOffered(
                        budgetId,
                        act,
                        c,
                        new Offer(amount, calculation(yearlyPence), true, NotificationMethod.IN_PERSON)));
    }

    /** The person (or whoever stands in their place) contests; {@code requestedYearlyPence} may be null. */
    public LifecycleEvents contested(String reason, Long requestedYearlyPence) {
        requested = requestedYearlyPence == null ? null : Money.yearly(requestedYearlyPence);
        Money asked = requested;
        Money offer = offered;
        return personAct((act, c) -> new OfferContested(budgetId, act, c, new Contest(reason, asked), offer));
    }

    public LifecycleEvents revised(long yearlyPence, String reasons) {
        Money amount = Money.yearly(yearlyPence);
        Money previous = offered;
        Money asked = requested;
        offered = amount;
        requested = null;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new OfferRevised(
                        budgetId,
                        act,
                        c,
                        new Revision(amount, calculation(yearlyPence), reasons, true, NotificationMethod.IN_PERSON),
                        previous,
                        asked));
    }

    /** The person (or whoever stands in their place) withdraws their open contest. */
    public LifecycleEvents contestWithdrawn(String reason) {
        requested = null;
        return personAct((act, c) -> new ContestWithdrawn(budgetId, act, c, new Reason(reason)));
    }

    public LifecycleEvents accepted() {
        Money offer = offered;
        return personAct((act, c) -> new OfferAccepted(budgetId, act, c, offer));
    }

    /** A peer-supported plan costing {@code yearlyPence}; above the offer it asks for an exception. */
    public LifecycleEvents submitted(long yearlyPence) {
        long care = yearlyPence * 8 / 10;
        String exception = offered != null && yearlyPence > offered.yearlyPence()
                ? "Evening support costs more than the offer allows"
                : null;
        plan = new Plan(
                List.of(
                        new PlanLine(
                                "Personal assistant, 6 hours a week",
                                Money.yearly(care),
                                "G2",
                                OutcomeDomain.DAILY_LIVING),
                        new PlanLine(
                                "Allotment society membership and tools",
                                Money.yearly(yearlyPence - care),
                                "G1",
                                null)),
                PlanningApproach.PEER_SUPPORTED,
                exception,
                null);
        statementAdded = false;
        Plan submitted = plan;
        return personAct((act, c) -> new PlanSubmitted(budgetId, act, c, submitted));
    }

    /** The person (or whoever stands in their place) withdraws the plan awaiting an answer. */
    public LifecycleEvents planWithdrawn(String reason) {
        return personAct((act, c) -> new PlanWithdrawn(budgetId, act, c, new Reason(reason)));
    }

    public LifecycleEvents endorsed(String comment) {
        return emit(
                PRACTITIONER,
                Role.PRACTITIONER,
                null,
                (act, c) -> new PlanEndorsed(budgetId, act, c, new Endorsement(comment)));
    }

    public LifecycleEvents returned(String reasons) {
        return emit(
                PRACTITIONER,
                Role.PRACTITIONER,
                null,
                (act, c) -> new PlanReturned(budgetId, act, c, new PlanReturn(reasons)));
    }

    /** The person's own words, in their own name. */
    public LifecycleEvents statementAdded(String words) {
        statementAdded = true;
        return emit(
                PERSON,
                Role.PERSON,
                null,
                (act, c) -> new PersonStatementAdded(budgetId, act, c, new PersonStatement(words)));
    }

    /** Approved at the offer, the person taking part. */
    public LifecycleEvents approved() {
        return approved(offered.yearlyPence(), null, true);
    }

    public LifecycleEvents approved(long yearlyPence, String varianceReason, boolean personTookPart) {
        Money amount = Money.yearly(yearlyPence);
        Money indicative = offered;
        boolean statement = statementAdded;
        approved = amount;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new PlanApprovedByAuthority(
                        budgetId,
                        act,
                        c,
                        new Approval(
                                amount,
                                new Money(yearlyPence / 12, Period.MONTHLY),
                                List.of("Keep receipts for the allotment tools"),
                                varianceReason,
                                personTookPart),
                        indicative,
                        statement));
    }

    public LifecycleEvents declined(String reasons, boolean personTookPart) {
        boolean statement = statementAdded;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new PlanDeclinedByAuthority(
                        budgetId, act, c, new Decline(reasons, personTookPart, NotificationMethod.LETTER), statement));
    }

    public LifecycleEvents managementChosen(ManagementOption option) {
        Management management = switch (option) {
            case INDIVIDUAL_SERVICE_FUND -> new Management(option, "Wellspring Support Ltd", null);
            case MIXED -> {
                long direct = approved.yearlyPence() / 2;
                yield new Management(
                        option,
                        null,
                        new MixedSplit(Money.yearly(direct), Money.yearly(approved.yearlyPence() - direct), null));
            }
            default -> new Management(option, null, null);
        };
        return personAct((act, c) -> new ManagementChosen(budgetId, act, c, management));
    }

    /** The person chooses an individual service fund held by {@code provider}, written as given. */
    public LifecycleEvents serviceFundChosen(String provider) {
        return personAct((act, c) -> new ManagementChosen(
                budgetId, act, c, new Management(ManagementOption.INDIVIDUAL_SERVICE_FUND, provider, null)));
    }

    /** The person delegates control to a named nominee or practitioner. */
    public LifecycleEvents delegated(String delegateId, Role delegateRole, Instant intendedEnd, String explanation) {
        Delegate named = new Delegate(delegateId, delegateRole);
        delegate = named;
        return emit(
                PERSON,
                Role.PERSON,
                null,
                (act, c) -> new ControlDelegated(
                        budgetId,
                        act,
                        c,
                        new Delegation(named, DelegationReason.FLUCTUATING_CAPACITY, explanation, intendedEnd)));
    }

    /** The person takes control back. */
    public LifecycleEvents resumed(String reason) {
        Delegate former = delegate;
        delegate = null;
        return emit(
                PERSON,
                Role.PERSON,
                null,
                (act, c) -> new ControlResumed(budgetId, act, c, former, new Resumption(reason)));
    }

    public LifecycleEvents authorisedPersonAppointed(String authorisedPersonId, String capacityAssessmentReference) {
        authorisedPerson = authorisedPersonId;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new AuthorisedPersonAppointed(
                        budgetId, act, c, new Authorisation(authorisedPersonId, capacityAssessmentReference)));
    }

    public LifecycleEvents authorisationEnded(String reason) {
        String former = authorisedPerson;
        authorisedPerson = null;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new AuthorisationEnded(budgetId, act, c, former, new Reason(reason)));
    }

    /** A temporary adjustment from now until {@code endsOn}, or a lasting one when it is null. */
    public LifecycleEvents adjusted(long yearlyPence, String reason, Instant endsOn) {
        Money amount = Money.yearly(yearlyPence);
        Money previous = approved;
        approved = amount;
        Instant from = next;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new BudgetAdjusted(
                        budgetId,
                        act,
                        c,
                        new Adjustment(
                                endsOn == null ? AdjustmentKind.LASTING : AdjustmentKind.TEMPORARY,
                                amount,
                                from,
                                endsOn,
                                reason,
                                Role.PERSON,
                                true,
                                NotificationMethod.IN_PERSON),
                        previous));
    }

    public LifecycleEvents outcomeRecorded(String words) {
        return emit(
                PERSON,
                Role.PERSON,
                null,
                (act, c) -> new OutcomeRecorded(
                        budgetId,
                        act,
                        c,
                        new Outcome(OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS, words, "G1")));
    }

    public LifecycleEvents reviewScheduled(ReviewKind kind, Instant dueBy) {
        pendingReview = new ReviewSchedule(kind, dueBy);
        ReviewSchedule review = pendingReview;
        return emit(PRACTITIONER, Role.PRACTITIONER, null, (act, c) -> new ReviewScheduled(budgetId, act, c, review));
    }

    public LifecycleEvents reviewCompleted(ReviewOutcome outcome, String summary) {
        ReviewSchedule review = pendingReview;
        pendingReview = null;
        return emit(
                PRACTITIONER,
                Role.PRACTITIONER,
                null,
                (act, c) -> new ReviewCompleted(budgetId, act, c, review, new ReviewResult(outcome, summary, true)));
    }

    public LifecycleEvents suspended(String reason) {
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new BudgetSuspended(
                        budgetId,
                        act,
                        c,
                        new Suspension(
                                reason,
                                "Ward staff meet daily living needs; the allotment place is kept open",
                                true,
                                NotificationMethod.IN_PERSON)));
    }

    public LifecycleEvents budgetResumed(String reason) {
        return emit(
                AUTHORITY, Role.AUTHORITY, null, (act, c) -> new BudgetResumed(budgetId, act, c, new Reason(reason)));
    }

    /** The authority closes the budget; the person was told by letter. */
    public LifecycleEvents closed(String reason) {
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new BudgetClosed(budgetId, act, c, new Reason(reason), NotificationMethod.LETTER, true));
    }

    /** Another authority confirms the erasure that {@code requestedBy} requested a day before. */
    public LifecycleEvents erasureConfirmed(String requestedBy) {
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new PersonalDataErasureConfirmed(
                        budgetId,
                        act,
                        c,
                        new Erasure(
                                "0f7c2a9e-5b1d-4c8e-9a63-2d4f8e1b7c05",
                                requestedBy,
                                act.occurredAt().minus(Duration.ofDays(1)),
                                "Xk3v9QmJr0aTq1wZy8LpBg")));
    }

    /** The authority moves the budget to {@code practitioner}'s caseload. */
    public LifecycleEvents reallocated(String practitioner, String reason) {
        String previous = allocatedPractitioner;
        allocatedPractitioner = practitioner;
        return emit(
                AUTHORITY,
                Role.AUTHORITY,
                null,
                (act, c) -> new PractitionerReallocated(
                        budgetId, act, c, new Reallocation(practitioner, reason), previous));
    }

    // --- Results ---

    public List<EventEnvelope> envelopes() {
        return List.copyOf(envelopes);
    }

    public List<BudgetEvent> events() {
        return envelopes.stream().map(EventEnvelope::event).toList();
    }

    /** The envelope of the event most recently added. */
    public EventEnvelope lastEnvelope() {
        return envelopes.get(envelopes.size() - 1);
    }

    /** Who holds control after the events so far, by the control rule. */
    public ControlState control() {
        return control;
    }

    public BudgetId budgetId() {
        return budgetId;
    }

    /** When the last event happened. */
    public Instant lastAt() {
        return last;
    }

    // --- Building ---

    /** One of the person's own acts: by the delegate or authorised person in force, for the person. */
    private LifecycleEvents personAct(BiFunction<Act, ControlTransfer, BudgetEvent> factory) {
        ControlHolder inPlace = control.delegate() != null ? control.delegate() : control.authorisedPerson();
        if (inPlace == null) {
            return emit(PERSON, Role.PERSON, null, factory);
        }
        Role role = inPlace.party() == ControlParty.PRACTITIONER ? Role.PRACTITIONER : Role.NOMINEE;
        return emit(inPlace.actorId(), role, person, factory);
    }

    /** Stamps the event with its act and the transfer the control rule gives, as budget-service does. */
    private LifecycleEvents emit(
            String actor,
            Role role,
            PersonReference onBehalfOf,
            BiFunction<Act, ControlTransfer, BudgetEvent> factory) {
        Act act = new Act(actor, role, onBehalfOf, next);
        BudgetEvent draft = factory.apply(act, null);
        ControlTransfer transfer = ControlRule.transfer(control, draft);
        control = ControlRule.after(control, draft);
        long sequence = envelopes.size();
        String eventId = UUID.nameUUIDFromBytes((budgetId + "/" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
        envelopes.add(new EventEnvelope(eventId, budgetId, sequence, next, factory.apply(act, transfer)));
        last = next;
        next = next.plus(STEP);
        return this;
    }

    /** An allocation whose breakdown adds up to the amount, as budget-service requires. */
    private static Calculation calculation(long yearlyPence) {
        long care = yearlyPence * 7 / 10;
        return new Calculation(
                "Resource allocation system",
                "RAS-2025.2",
                List.of(
                        new BreakdownLine("Personal care and daily living", Money.yearly(care)),
                        new BreakdownLine("Community and social activities", Money.yearly(yearlyPence - care))));
    }
}
