package uk.gov.personalbudget.budget.lifecycle;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import uk.gov.personalbudget.contracts.access.BudgetAccessRule;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.AcceptOffer;
import uk.gov.personalbudget.contracts.command.AddPersonStatement;
import uk.gov.personalbudget.contracts.command.AdjustBudget;
import uk.gov.personalbudget.contracts.command.AllowedRoles;
import uk.gov.personalbudget.contracts.command.AnswerChallenge;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.ApproveByAuthority;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.ChallengeDecision;
import uk.gov.personalbudget.contracts.command.ChooseManagement;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.CommandRoles;
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
import uk.gov.personalbudget.contracts.control.ControlRule;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.control.PendingReviews;
import uk.gov.personalbudget.contracts.control.StatusRule;
import uk.gov.personalbudget.contracts.control.StatusState;
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
import uk.gov.personalbudget.contracts.value.AmountInForce;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Calculation;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.Delegate;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PlanLine;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.ACTIVE;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.APPROVED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.ASSESSED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.CLOSED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.CONTESTED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.ENDING;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.OFFERED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.OPENED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.PLANNING;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.PLAN_ENDORSED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.PLAN_SUBMITTED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.SUSPENDED;

/**
 * One person's budget through its whole life. Each command handler is a row of DOMAIN.md's command table:
 * who may send it (the roles are the command's {@link AllowedRoles}, checked before any handler; the handler decides
 * what they may do here), the rules it must meet, then one event. State changes only in the event sourcing
 * handlers, and only the state the rules need is kept (it is also the snapshot, hence field visibility).
 * Each handler answers with the budget's new version, status and control holder. Before any of them, the caller
 * must be one who may see the budget ({@link BudgetAccessRule}), else it is answered as a budget that does not exist.
 * The revision is that of the snapshot's shape: a snapshot of another shape is not used, the events are.
 */
@Revision("4")
@Aggregate(
        snapshotTriggerDefinition = "personalBudgetSnapshotTrigger",
        cache = "personalBudgetCache",
        commandTargetResolver = "budgetCommandTargetResolver")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class PersonalBudget {

    private static final Set<BudgetStatus> APPROVED_STATES = EnumSet.of(APPROVED, ACTIVE, SUSPENDED);

    @AggregateIdentifier
    private BudgetId id;

    private PersonReference person;
    private String council;
    private String allocatedPractitioner;
    private BudgetStatus status;
    private ControlState control = ControlState.INITIAL;
    private boolean eligible;
    private Set<String> recoveryGoalIds = new HashSet<>();
    private boolean offerMade;
    private Money offeredAmount;
    private Money requestedAmount;
    private boolean personStatementAdded;
    /** The practitioner who submitted the plan awaiting an answer, when a practitioner did. */
    private String planSubmittedBy;

    private Money approvedAmount;
    private List<Adjustment> adjustments = new ArrayList<>();
    private Instant approvedAt;
    /**
     * The reviews scheduled and not yet completed: one at most, and beside it a CAPACITY_CHANGE review (DOMAIN.md
     * asks for one whenever capacity is lost or regained, whatever else is scheduled).
     */
    private List<ReviewSchedule> pendingReviews = new ArrayList<>();

    private Instant lastReviewAt;
    private BudgetStatus statusBeforeSuspension;

    /** An approved plan is in force: from approval until a review ends the budget, and through a replan. */
    private boolean planInForce;

    private long version = -1;
    /** When the direct payment began: the choice of a management with one, after one without; null without one. */
    private Instant directPaymentSince;

    private Delegate delegate;
    /** Whether an erasure of the person's personal data is recorded (only ever after closure). */
    private boolean erasureRecorded;

    /** How much control the person wants, as last recorded; null before it was recorded. */
    private PreferredControl preferredControl;

    /**
     * The decisions that may be challenged now, each by the sequence number of its event: the approval of the plan in
     * force, the decline of the latest plan (until another is submitted), the latest adjustment when it lowered the
     * amount.
     */
    private Map<ChallengedDecision, ChallengeableDecision> challengeable = new EnumMap<>(ChallengedDecision.class);

    /** The challenges awaiting the authority's answer: one per decision at most. */
    private Map<ChallengedDecision, OpenChallenge> openChallenges = new EnumMap<>(ChallengedDecision.class);

    /** The sequence numbers of the decisions whose challenge the council has answered. */
    private Set<Long> answeredDecisions = new HashSet<>();

    /** A decision that may be challenged: its event's sequence number, when it was made, and the amount it set. */
    record ChallengeableDecision(long sequence, Instant decidedAt, Money amount) {}

    /** A challenge awaiting an answer: the decision challenged, the complaint's reference and when it was made. */
    record OpenChallenge(long decisionSequence, String complaintReference, Instant challengedAt) {}

    protected PersonalBudget() {
        // For Axon, which rebuilds the budget from its events or its snapshot.
    }

    /**
     * Before any rule: a caller who may not see the budget hears that it does not exist; then a command whose caller
     * expected another version (If-Match) is refused, so the caller hears that the budget changed rather than a rule
     * the change may have caused. The version is compared here rather than by Axon on loading, which would tell any
     * caller, before this check, the version of a budget they may not see. Then a role the command does not allow
     * at all ({@link AllowedRoles}) is refused; each handler decides what the roles it allows may do here. Before the
     * budget exists (its opening) there is nothing to hide, and no version.
     */
    @CommandHandlerInterceptor
    void authoriseThenMatchVersion(
            BudgetCommand command, @MetaDataValue(BudgetCommandTargetResolver.EXPECTED_VERSION) Long expectedVersion) {
        if (id != null && !BudgetAccessRule.maySee(command.actor(), parties())) {
            throw new BudgetHidden();
        }
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictingAggregateVersionException(id.value(), expectedVersion, version);
        }
        requireAllowedRole(command);
    }

    /**
     * Opens the budget, and answers from the event it stores (a creation policy rather than a constructor, whose
     * answer Axon makes the id alone), so nothing is read back. The interceptor above has checked the role; a budget
     * that does not exist yet has nothing to hide.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CommandAccepted handle(OpenBudget command) {
        Actor actor = command.actor();
        var opening = command.opening();
        if (!actor.serves(opening.localAuthority())) {
            throw new BudgetRuleViolation(
                    Rule.NOT_YOUR_COUNCIL,
                    "a budget is opened only for a council your token names",
                    "opening.localAuthority");
        }
        // A practitioner who names nobody opens the budget onto their own caseload.
        var allocated = opening.allocatedPractitioner() == null && actor.is(Role.PRACTITIONER)
                ? opening.withAllocatedPractitioner(actor.id())
                : opening;
        decide(actor, null, (act, control) -> new BudgetOpened(command.budgetId(), act, control, allocated));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(RecordAssessment command) {
        Actor actor = command.actor();
        guardOpen();
        if (actor.is(Role.PERSON) && command.assessment().kind() != AssessmentKind.SELF) {
            throw new BudgetRuleViolation(
                    Rule.PERSON_RECORDS_SELF_ASSESSMENT_ONLY,
                    "a person records a self-assessment; other assessments are recorded by a practitioner",
                    "assessment.kind");
        }
        if (actor.is(Role.PERSON) && control.isAuthorised()) {
            throw new BudgetRuleViolation(
                    Rule.AUTHORISED_PERSON_ACTS,
                    "an authorised person is appointed: the assessment is recorded by a practitioner with them");
        }
        if (APPROVED_STATES.contains(status) || status == ENDING) {
            throw new BudgetRuleViolation(
                    Rule.ASSESSMENT_AFTER_APPROVAL, "the plan is approved: a re-assessment happens through a review");
        }
        if (status == CONTESTED) {
            throw new BudgetRuleViolation(
                    Rule.ANSWER_AWAITED,
                    "a contest awaits the authority's answer: it is withdrawn (withdraw-contest) before a new assessment");
        }
        if (status == PLAN_SUBMITTED || status == PLAN_ENDORSED) {
            throw new BudgetRuleViolation(
                    Rule.ANSWER_AWAITED,
                    "a plan awaits an answer: it is withdrawn (withdraw-plan) before a new assessment");
        }
        if (command.assessment().preferredControl() == null) {
            throw new BudgetRuleViolation(
                    Rule.PREFERRED_CONTROL_NOT_RECORDED,
                    "an assessment records how much control of the budget the person wants",
                    "assessment.preferredControl");
        }
        decide(actor, null, (act, control) -> new NeedsAssessed(id, act, control, command.assessment()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(OfferBudget command) {
        Actor actor = command.actor();
        guardOpen();
        if (status != ASSESSED || !eligible) {
            throw new BudgetRuleViolation(
                    Rule.NO_ELIGIBLE_ASSESSMENT,
                    "a budget is offered only after an assessment that found eligible needs");
        }
        requireSoundOffer(command.offer().amount(), command.offer().calculation(), "offer");
        requireParticipation(command.offer().personTookPart(), command.offer().personToldBy(), "offer");
        decide(actor, null, (act, control) -> new BudgetOffered(id, act, control, command.offer()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ContestOffer command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireStandsInPersonsPlace(actor, control);
        requireStatus(OFFERED, Rule.NO_OPEN_OFFER, "only an open offer can be contested");
        Money requested = command.contest().requestedAmount();
        if (requested != null && !requested.isPositive()) {
            throw new BudgetRuleViolation(
                    Rule.AMOUNT_NOT_POSITIVE, "an amount asked for is more than zero", "contest.requestedAmount.pence");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new OfferContested(id, act, control, command.contest(), offeredAmount));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(WithdrawContest command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireStandsInPersonsPlace(actor, control);
        requireStatus(CONTESTED, Rule.NO_OPEN_CONTEST, "only an open contest can be withdrawn");
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new ContestWithdrawn(id, act, control, command.reason()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ReviseOffer command) {
        Actor actor = command.actor();
        guardOpen();
        requireStatus(CONTESTED, Rule.NO_OPEN_CONTEST, "an offer is revised in answer to a contest");
        var revision = command.revision();
        requireSoundOffer(revision.amount(), revision.calculation(), "revision");
        requireParticipation(revision.personTookPart(), revision.personToldBy(), "revision");
        boolean fallsShort = requestedAmount != null
                ? revision.amount().compareYearly(requestedAmount) < 0
                : revision.amount().compareYearly(offeredAmount) <= 0;
        if (fallsShort && isBlank(revision.reasons())) {
            throw new BudgetRuleViolation(
                    Rule.REVISION_REASONS_REQUIRED,
                    "reasons are required when the revised amount does not reach what the person asked for",
                    "revision.reasons");
        }
        decide(
                actor,
                null,
                (act, control) -> new OfferRevised(id, act, control, revision, offeredAmount, requestedAmount));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(AcceptOffer command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireStandsInPersonsPlace(actor, control);
        requireStatus(OFFERED, Rule.NO_OPEN_OFFER, "only an open offer can be accepted");
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new OfferAccepted(id, act, control, offeredAmount));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(SubmitPlan command) {
        Actor actor = command.actor();
        guardOpen();
        Plan plan = command.plan();
        if (actor.is(Role.PRACTITIONER) && !PersonActs.isDelegate(actor, control)) {
            if (plan.agreement() == null || !plan.agreement().isRecorded()) {
                throw new BudgetRuleViolation(
                        Rule.PERSON_AGREEMENT_REQUIRED,
                        "a practitioner submits a plan for the person only with a record of how, when and where the"
                                + " person agreed",
                        "plan.agreement");
            }
        } else {
            PersonActs.requireStandsInPersonsPlace(actor, control);
        }
        requireStatus(PLANNING, Rule.NOT_PLANNING, "a plan is submitted after the offer is accepted");
        for (int i = 0; i < plan.lines().size(); i++) {
            requireLineServesAGoal(plan.lines().get(i), "plan.lines[" + i + "]");
        }
        if (plan.yearlyCostPence() > offeredAmount.yearlyPence() && isBlank(plan.exceptionReason())) {
            throw new BudgetRuleViolation(
                    Rule.PLAN_EXCEEDS_OFFER,
                    "the plan costs more than the offer: ask for an exception with a reason",
                    "plan.exceptionReason");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new PlanSubmitted(id, act, control, plan));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(EndorsePlan command) {
        Actor actor = command.actor();
        guardOpen();
        requireStatus(PLAN_SUBMITTED, Rule.PLAN_NOT_SUBMITTED, "only a submitted plan can be endorsed");
        if (actor.id().equals(planSubmittedBy)) {
            throw new BudgetRuleViolation(
                    Rule.ENDORSER_SUBMITTED_PLAN,
                    "you submitted this plan for the person: another practitioner endorses it");
        }
        decide(actor, null, (act, control) -> new PlanEndorsed(id, act, control, command.endorsement()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ReturnPlan command) {
        Actor actor = command.actor();
        guardOpen();
        requireStatus(PLAN_SUBMITTED, Rule.PLAN_NOT_SUBMITTED, "only a submitted plan can be returned");
        decide(actor, null, (act, control) -> new PlanReturned(id, act, control, command.planReturn()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(WithdrawPlan command) {
        Actor actor = command.actor();
        guardOpen();
        if (!actor.id().equals(planSubmittedBy) || !actor.is(Role.PRACTITIONER)) {
            PersonActs.requireStandsInPersonsPlace(actor, control);
        }
        if (status != PLAN_SUBMITTED && status != PLAN_ENDORSED) {
            throw new BudgetRuleViolation(
                    Rule.NO_PLAN_AWAITING_DECISION,
                    "only a plan awaiting the practitioner or the authority can be withdrawn");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new PlanWithdrawn(id, act, control, command.reason()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(AddPersonStatement command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireSpeaksForPerson(actor, control);
        if (status != PLAN_SUBMITTED && status != PLAN_ENDORSED) {
            throw new BudgetRuleViolation(
                    Rule.NO_PLAN_AWAITING_DECISION,
                    "a statement is added to a plan before the authority decides on it");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new PersonStatementAdded(id, act, control, command.statement()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ApproveByAuthority command) {
        Actor actor = command.actor();
        guardOpen();
        requireStatus(PLAN_ENDORSED, Rule.PLAN_NOT_ENDORSED, "only an endorsed plan can be approved");
        var approval = command.approval();
        requirePositive(approval.approvedAmount(), "approval.approvedAmount.pence");
        requirePositive(approval.payment(), "approval.payment.pence");
        AuthorisationLimitPolicy.requireCovers(actor, approval.approvedAmount());
        if (approval.payment().compareYearly(approval.approvedAmount()) > 0) {
            throw new BudgetRuleViolation(
                    Rule.PAYMENT_EXCEEDS_APPROVED_AMOUNT,
                    "payments over a year come to more than the approved amount",
                    "approval.payment");
        }
        if (approval.approvedAmount().compareYearly(offeredAmount) != 0 && isBlank(approval.varianceReason())) {
            throw new BudgetRuleViolation(
                    Rule.VARIANCE_REASON_REQUIRED,
                    "the approved amount differs from the indicative amount: give the reason",
                    "approval.varianceReason");
        }
        decide(
                actor,
                null,
                (act, control) ->
                        new PlanApprovedByAuthority(id, act, control, approval, offeredAmount, personStatementAdded));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(DeclineByAuthority command) {
        Actor actor = command.actor();
        guardOpen();
        requireStatus(PLAN_ENDORSED, Rule.PLAN_NOT_ENDORSED, "only an endorsed plan can be declined");
        decide(
                actor,
                null,
                (act, control) ->
                        new PlanDeclinedByAuthority(id, act, control, command.decline(), personStatementAdded));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ChooseManagement command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireStandsInPersonsPlace(actor, control);
        if (status != APPROVED && status != ACTIVE) {
            throw new BudgetRuleViolation(
                    Rule.BUDGET_NOT_APPROVED, "management is chosen for an approved budget that is not suspended");
        }
        var management = command.management();
        if (management.option() == ManagementOption.INDIVIDUAL_SERVICE_FUND && isBlank(management.provider())) {
            throw new BudgetRuleViolation(
                    Rule.PROVIDER_REQUIRED,
                    "an individual service fund is held by a named provider",
                    "management.provider");
        }
        if (management.option() == ManagementOption.MIXED
                && (management.split() == null
                        || management.split().yearlyPence() != amountInForce().yearlyPence())) {
            throw new BudgetRuleViolation(
                    Rule.MIXED_SPLIT_DOES_NOT_ADD_UP,
                    "the parts of a mixed budget add up to the approved amount",
                    "management.split");
        }
        if (management.includesDirectPayment()
                && control.isAuthorised()
                && !actor.id().equals(control.authorisedPerson().actorId())) {
            throw new BudgetRuleViolation(
                    Rule.DIRECT_PAYMENT_THROUGH_AUTHORISED_PERSON,
                    "a direct payment for a person who lacks capacity is chosen by their authorised person");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new ManagementChosen(id, act, control, management));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(DelegateControl command) {
        Actor actor = command.actor();
        guardOpen();
        var delegation = command.delegation();
        if (actor.is(Role.AUTHORITY) && delegation.reason() != DelegationReason.CRISIS) {
            throw new BudgetRuleViolation(
                    Rule.AUTHORITY_DELEGATES_ONLY_IN_CRISIS,
                    "the authority delegates the person's control only in a crisis");
        }
        if (actor.is(Role.PERSON) && control.isAuthorised()) {
            throw new BudgetRuleViolation(
                    Rule.AUTHORISED_PERSON_ACTS,
                    "an authorised person is appointed: they act for the person, who cannot delegate meanwhile");
        }
        requireOfferMade();
        if (control.isDelegated()) {
            throw new BudgetRuleViolation(
                    Rule.ALREADY_DELEGATED, "control is already delegated: resume it before delegating again");
        }
        Role delegateRole = delegation.delegate().role();
        if (delegateRole != Role.NOMINEE && delegateRole != Role.PRACTITIONER) {
            throw new BudgetRuleViolation(
                    Rule.DELEGATE_MUST_BE_NOMINEE_OR_PRACTITIONER,
                    "control is delegated to a nominee or a practitioner",
                    "delegation.delegate.role");
        }
        if (!delegation.intendedEnd().isAfter(now())) {
            throw new BudgetRuleViolation(
                    Rule.INTENDED_END_NOT_IN_FUTURE,
                    "a delegation's intended end lies in the future",
                    "delegation.intendedEnd");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new ControlDelegated(id, act, control, delegation));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ResumeControl command) {
        Actor actor = command.actor();
        guardOpen();
        if (!PersonActs.isDelegate(actor, control)) {
            allow(actor, Role.PERSON, Role.AUTHORITY);
        }
        if (!control.isDelegated()) {
            throw new BudgetRuleViolation(Rule.NOT_DELEGATED, "control is not delegated");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new ControlResumed(id, act, control, delegate, command.resumption()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(AppointAuthorisedPerson command) {
        Actor actor = command.actor();
        guardOpen();
        requireOfferMade();
        if (control.isAuthorised()) {
            throw new BudgetRuleViolation(Rule.ALREADY_AUTHORISED, "an authorised person is already appointed");
        }
        decide(actor, null, (act, control) -> new AuthorisedPersonAppointed(id, act, control, command.authorisation()));
        scheduleCapacityReview(actor);
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(EndAuthorisation command) {
        Actor actor = command.actor();
        guardOpen();
        if (!control.isAuthorised()) {
            throw new BudgetRuleViolation(Rule.NOT_AUTHORISED, "no authorised person is appointed");
        }
        decide(
                actor,
                null,
                (act, control) -> new AuthorisationEnded(
                        id, act, control, this.control.authorisedPerson().actorId(), command.reason()));
        scheduleCapacityReview(actor);
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(AdjustBudget command) {
        Actor actor = command.actor();
        guardOpen();
        requireApproved("a budget is adjusted once it is approved");
        var adjustment = command.adjustment();
        requirePositive(adjustment.newAmount(), "adjustment.newAmount.pence");
        requireParticipation(adjustment.personTookPart(), adjustment.personToldBy(), "adjustment");
        if (adjustment.kind() == AdjustmentKind.TEMPORARY
                ? adjustment.endsOn() == null || !adjustment.endsOn().isAfter(adjustment.effectiveFrom())
                : adjustment.endsOn() != null) {
            throw new BudgetRuleViolation(
                    Rule.ADJUSTMENT_END_INVALID,
                    "a temporary adjustment ends after it starts; a lasting one has no end",
                    "adjustment.endsOn");
        }
        AuthorisationLimitPolicy.requireCovers(actor, adjustment.newAmount());
        decide(actor, null, (act, control) -> new BudgetAdjusted(id, act, control, adjustment, amountInForce()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(RecordOutcome command) {
        Actor actor = command.actor();
        guardOpen();
        if (!actor.is(Role.PRACTITIONER)) {
            PersonActs.requireSpeaksForPerson(actor, control);
        }
        requireApproved("outcomes are recorded once the budget is approved");
        var outcome = command.outcome();
        if (outcome.recoveryGoalId() != null && !recoveryGoalIds.contains(outcome.recoveryGoalId())) {
            throw unknownGoal(outcome.recoveryGoalId(), "outcome.recoveryGoalId");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new OutcomeRecorded(id, act, control, outcome));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ScheduleReview command) {
        Actor actor = command.actor();
        guardOpen();
        requireApproved("a review is scheduled once the budget is approved");
        ReviewKind kind = command.review().kind();
        for (ReviewSchedule pending : pendingReviews) {
            if (pending.kind() == kind
                    || (kind != ReviewKind.CAPACITY_CHANGE && pending.kind() != ReviewKind.CAPACITY_CHANGE)) {
                throw new BudgetRuleViolation(
                        Rule.REVIEW_ALREADY_SCHEDULED,
                        "a " + pending.kind() + " review is already scheduled for " + pending.dueBy()
                                + " (only a CAPACITY_CHANGE review may be scheduled beside another)");
            }
        }
        ReviewWindows.requireWithinWindow(command.review(), approvedAt, lastReviewAt, now(), directPaymentSince);
        decide(actor, null, (act, control) -> new ReviewScheduled(id, act, control, command.review()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(CompleteReview command) {
        Actor actor = command.actor();
        guardOpen();
        ReviewSchedule review = PendingReviews.next(pendingReviews)
                .orElseThrow(() -> new BudgetRuleViolation(Rule.NO_REVIEW_SCHEDULED, "no review is scheduled"));
        if (status == SUSPENDED && command.result().result() == ReviewOutcome.CONTINUE) {
            throw new BudgetRuleViolation(
                    Rule.RESUME_BEFORE_CONTINUING,
                    "the budget is suspended: resume it to continue, or replan or end it");
        }
        decide(actor, null, (act, control) -> new ReviewCompleted(id, act, control, review, command.result()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(SuspendBudget command) {
        Actor actor = command.actor();
        guardOpen();
        if (!planInForce || status == SUSPENDED) {
            throw new BudgetRuleViolation(
                    Rule.BUDGET_NOT_IN_USE, "only an approved budget in use, and not suspended, can be suspended");
        }
        var suspension = command.suspension();
        requireParticipation(suspension.personTookPart(), suspension.personToldBy(), "suspension");
        decide(actor, null, (act, control) -> new BudgetSuspended(id, act, control, suspension));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ResumeBudget command) {
        Actor actor = command.actor();
        guardOpen();
        requireStatus(SUSPENDED, Rule.BUDGET_NOT_SUSPENDED, "only a suspended budget can be resumed");
        decide(actor, null, (act, control) -> new BudgetResumed(id, act, control, command.reason()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(CloseBudget command) {
        Actor actor = command.actor();
        guardOpen();
        var closure = command.closure();
        requireParticipation(closure.personTookPart(), closure.personToldBy(), "closure");
        decide(
                actor,
                null,
                (act, control) -> new BudgetClosed(
                        id,
                        act,
                        control,
                        new Reason(closure.reason()),
                        closure.personToldBy(),
                        closure.personTookPart()));
        return outcome();
    }

    @CommandHandler
    public CommandAccepted handle(ReallocatePractitioner command) {
        Actor actor = command.actor();
        guardOpen();
        var reallocation = command.reallocation();
        if (reallocation.practitioner().equals(allocatedPractitioner)) {
            throw new BudgetRuleViolation(
                    Rule.ALREADY_ALLOCATED,
                    "the budget is already allocated to this practitioner",
                    "reallocation.practitioner");
        }
        decide(
                actor,
                null,
                (act, control) -> new PractitionerReallocated(id, act, control, reallocation, allocatedPractitioner));
        return outcome();
    }

    /**
     * The person challenges a decision through the council's complaints procedure: the approved amount while the plan
     * is in force, the decline of the latest plan until another is submitted, or an adjustment that lowered the
     * amount, while it is the latest. One challenge per decision is open at a time, and a decision the council has
     * answered a challenge of goes on to the Ombudsman, not to the council again.
     */
    @CommandHandler
    public CommandAccepted handle(ChallengeDecision command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireStandsInPersonsPlace(actor, control);
        var challenge = command.challenge();
        ChallengeableDecision decision = challengeable.get(challenge.decision());
        if (decision == null) {
            throw new BudgetRuleViolation(
                    Rule.NO_DECISION_TO_CHALLENGE,
                    switch (challenge.decision()) {
                        case APPROVED_AMOUNT -> "no approved plan is in force";
                        case DECLINE -> "the latest plan was not declined, or another has been submitted since";
                        case REDUCTION -> "the latest adjustment did not lower the amount";
                    },
                    "challenge.decision");
        }
        if (openChallenges.containsKey(challenge.decision())) {
            throw new BudgetRuleViolation(
                    Rule.CHALLENGE_ALREADY_OPEN,
                    "a challenge of this decision awaits the authority's answer (complaint "
                            + openChallenges.get(challenge.decision()).complaintReference() + ")",
                    "challenge.decision");
        }
        if (answeredDecisions.contains(decision.sequence())) {
            throw new BudgetRuleViolation(
                    Rule.CHALLENGE_ALREADY_ANSWERED,
                    "the council has answered a challenge of this decision: the next step is the Local Government"
                            + " and Social Care Ombudsman",
                    "challenge.decision");
        }
        Money requested = challenge.requestedAmount();
        if (requested != null && !requested.isPositive()) {
            throw new BudgetRuleViolation(
                    Rule.AMOUNT_NOT_POSITIVE,
                    "an amount asked for is more than zero",
                    "challenge.requestedAmount.pence");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) -> new DecisionChallenged(
                        id, act, control, challenge, decision.sequence(), decision.decidedAt(), decision.amount()));
        return outcome();
    }

    /**
     * The authority answers an open challenge with reasons, and says what changes unless it is not upheld. A challenge
     * is answered even after the budget closed (the complaints procedure owes the person a response), though not once
     * the person's personal data is erased.
     */
    @CommandHandler
    public CommandAccepted handle(AnswerChallenge command) {
        Actor actor = command.actor();
        if (erasureRecorded) {
            throw new BudgetRuleViolation(
                    Rule.BUDGET_CLOSED, "the budget is closed and the person's personal data erased");
        }
        var answer = command.answer();
        OpenChallenge open = openChallenges.get(answer.decision());
        if (open == null && status == CLOSED) {
            throw new BudgetRuleViolation(
                    Rule.BUDGET_CLOSED,
                    "the budget is closed: nothing is accepted after it but the answer to a challenge open when it"
                            + " closed");
        }
        if (open == null) {
            throw new BudgetRuleViolation(
                    Rule.NO_OPEN_CHALLENGE, "no challenge of this decision awaits an answer", "answer.decision");
        }
        if (isBlank(answer.reasons())) {
            throw new BudgetRuleViolation(
                    Rule.CHALLENGE_REASONS_REQUIRED,
                    "a challenge is answered with reasons in plain language",
                    "answer.reasons");
        }
        if (answer.result().changesSomething() && isBlank(answer.changes())) {
            throw new BudgetRuleViolation(
                    Rule.CHALLENGE_CHANGES_REQUIRED,
                    "a challenge upheld, in whole or in part, says what changes",
                    "answer.changes");
        }
        requireParticipation(answer.personTookPart(), answer.personToldBy(), "answer");
        decide(
                actor,
                null,
                (act, control) -> new ChallengeAnswered(
                        id, act, control, answer, open.complaintReference(), open.challengedAt()));
        return outcome();
    }

    /** The person says how much control of their budget they now want; recorded first at their assessment. */
    @CommandHandler
    public CommandAccepted handle(StatePreferredControl command) {
        Actor actor = command.actor();
        guardOpen();
        PersonActs.requireSpeaksForPerson(actor, control);
        if (status == OPENED) {
            throw new BudgetRuleViolation(
                    Rule.NOT_ASSESSED, "the person's preferred control is first recorded with their assessment");
        }
        decide(
                actor,
                PersonActs.onBehalfOf(actor, person),
                (act, control) ->
                        new PreferredControlStated(id, act, control, command.preferredControl(), preferredControl));
        return outcome();
    }

    /**
     * Records, on a closed budget, that two authorities agreed to erase the person's personal data. Sent for each of
     * the person's budgets when the second authority confirms; a repeat (the confirmation retried) records nothing
     * more.
     */
    @CommandHandler
    public CommandAccepted handle(RecordErasure command) {
        Actor actor = command.actor();
        var erasure = command.erasure();
        if (actor.id().equals(erasure.requestedBy())) {
            throw new BudgetRuleViolation(
                    Rule.ERASURE_NEEDS_A_SECOND_AUTHORITY,
                    "an erasure is confirmed by an authority other than the one who requested it");
        }
        if (erasureRecorded) {
            return outcome();
        }
        requireStatus(
                CLOSED,
                Rule.ERASURE_NEEDS_CLOSED_BUDGETS,
                "a person's personal data is erased only once every budget of theirs is closed");
        decide(actor, null, (act, control) -> new PersonalDataErasureConfirmed(id, act, control, erasure));
        return outcome();
    }

    // --- Event sourcing: the only place state changes. ---

    @EventSourcingHandler
    void on(BudgetOpened event) {
        id = event.budgetId();
        person = event.opening().person();
        council = event.opening().localAuthority();
        allocatedPractitioner = event.opening().allocatedPractitioner();
        track(event);
    }

    @EventSourcingHandler
    void on(NeedsAssessed event) {
        if (event.assessment().preferredControl() != null) {
            preferredControl = event.assessment().preferredControl();
        }
        challengeable.remove(ChallengedDecision.DECLINE);
        eligible = event.assessment().eligible();
        recoveryGoalIds = new HashSet<>();
        event.assessment().recoveryGoals().forEach(goal -> recoveryGoalIds.add(goal.id()));
        offeredAmount = null;
        requestedAmount = null;
        track(event);
    }

    @EventSourcingHandler
    void on(BudgetOffered event) {
        offerMade = true;
        offeredAmount = event.offer().amount();
        track(event);
    }

    @EventSourcingHandler
    void on(OfferContested event) {
        requestedAmount = event.contest().requestedAmount();
        track(event);
    }

    @EventSourcingHandler
    void on(ContestWithdrawn event) {
        requestedAmount = null;
        track(event);
    }

    @EventSourcingHandler
    void on(OfferRevised event) {
        offeredAmount = event.revision().amount();
        requestedAmount = null;
        track(event);
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        track(event);
    }

    @EventSourcingHandler
    void on(PlanSubmitted event) {
        personStatementAdded = false;
        planSubmittedBy =
                event.act().actorRole() == Role.PRACTITIONER ? event.act().actor() : null;
        challengeable.remove(ChallengedDecision.DECLINE);
        track(event);
    }

    @EventSourcingHandler
    void on(PlanWithdrawn event) {
        personStatementAdded = false;
        planSubmittedBy = null;
        track(event);
    }

    @EventSourcingHandler
    void on(PlanEndorsed event) {
        track(event);
    }

    @EventSourcingHandler
    void on(PlanReturned event) {
        track(event);
    }

    @EventSourcingHandler
    void on(PersonStatementAdded event) {
        personStatementAdded = true;
        track(event);
    }

    @EventSourcingHandler
    void on(PlanApprovedByAuthority event) {
        approvedAmount = event.approval().approvedAmount();
        adjustments = new ArrayList<>();
        approvedAt = event.act().occurredAt();
        challengeable.remove(ChallengedDecision.DECLINE);
        challengeable.remove(ChallengedDecision.REDUCTION);
        challengeable.put(
                ChallengedDecision.APPROVED_AMOUNT,
                new ChallengeableDecision(nextSequence(), approvedAt, approvedAmount));
        track(event);
    }

    @EventSourcingHandler
    void on(PlanDeclinedByAuthority event) {
        challengeable.put(
                ChallengedDecision.DECLINE,
                new ChallengeableDecision(nextSequence(), event.act().occurredAt(), null));
        track(event);
    }

    @EventSourcingHandler
    void on(ManagementChosen event) {
        if (!event.management().includesDirectPayment()) {
            directPaymentSince = null;
        } else if (directPaymentSince == null) {
            directPaymentSince = event.act().occurredAt();
        }
        track(event);
    }

    @EventSourcingHandler
    void on(ControlDelegated event) {
        delegate = event.delegation().delegate();
        track(event);
    }

    @EventSourcingHandler
    void on(ControlResumed event) {
        delegate = null;
        track(event);
    }

    @EventSourcingHandler
    void on(AuthorisedPersonAppointed event) {
        track(event);
    }

    @EventSourcingHandler
    void on(AuthorisationEnded event) {
        track(event);
    }

    @EventSourcingHandler
    void on(BudgetAdjusted event) {
        Adjustment adjustment = event.adjustment();
        // Only the amounts and dates count here; the reason is personal data and must not reach a snapshot.
        adjustments.add(new Adjustment(
                adjustment.kind(),
                adjustment.newAmount(),
                adjustment.effectiveFrom(),
                adjustment.endsOn(),
                null,
                adjustment.requestedBy()));
        if (event.previousAmount() != null && adjustment.newAmount().compareYearly(event.previousAmount()) < 0) {
            challengeable.put(
                    ChallengedDecision.REDUCTION,
                    new ChallengeableDecision(nextSequence(), event.act().occurredAt(), adjustment.newAmount()));
        } else {
            challengeable.remove(ChallengedDecision.REDUCTION);
        }
        track(event);
    }

    @EventSourcingHandler
    void on(OutcomeRecorded event) {
        track(event);
    }

    @EventSourcingHandler
    void on(ReviewScheduled event) {
        pendingReviews.add(event.review());
        track(event);
    }

    @EventSourcingHandler
    void on(ReviewCompleted event) {
        // The review completed; events stored before they named it completed the one review then pending.
        PendingReviews.complete(pendingReviews, event);
        lastReviewAt = event.act().occurredAt();
        if (event.result().result() == ReviewOutcome.REPLAN) {
            personStatementAdded = false;
        }
        track(event);
    }

    @EventSourcingHandler
    void on(BudgetSuspended event) {
        track(event);
    }

    @EventSourcingHandler
    void on(BudgetResumed event) {
        track(event);
    }

    @EventSourcingHandler
    void on(BudgetClosed event) {
        track(event);
    }

    @EventSourcingHandler
    void on(DecisionChallenged event) {
        openChallenges.put(
                event.challenge().decision(),
                new OpenChallenge(
                        event.decisionSequence(),
                        event.challenge().complaintReference(),
                        event.act().occurredAt()));
        track(event);
    }

    @EventSourcingHandler
    void on(ChallengeAnswered event) {
        OpenChallenge answered = openChallenges.remove(event.answer().decision());
        if (answered != null) {
            answeredDecisions.add(answered.decisionSequence());
        }
        track(event);
    }

    @EventSourcingHandler
    void on(PreferredControlStated event) {
        preferredControl = event.preferredControl();
        track(event);
    }

    @EventSourcingHandler
    void on(PersonalDataErasureConfirmed event) {
        erasureRecorded = true;
        track(event);
    }

    @EventSourcingHandler
    void on(PractitionerReallocated event) {
        allocatedPractitioner = event.reallocation().practitioner();
        track(event);
    }

    /** Every event moves control by the one rule in contracts. */
    private void track(BudgetEvent event) {
        control = ControlRule.after(control, event);
        StatusState next = StatusRule.after(lifecycle(), event);
        status = next.status();
        statusBeforeSuspension = next.beforeSuspension();
        planInForce = next.planInForce();
        if (!planInForce) {
            // Once no approved plan is in force, neither its amount nor a reduction of it can be challenged.
            challengeable.remove(ChallengedDecision.APPROVED_AMOUNT);
            challengeable.remove(ChallengedDecision.REDUCTION);
        }
        version++;
    }

    /** The sequence number the event being applied gets. */
    private long nextSequence() {
        return version + 1;
    }

    /** Who the budget is for and who may stand for the person now, for the access rule. */
    private BudgetParties parties() {
        return new BudgetParties(
                council, person, allocatedPractitioner, control.delegate(), control.authorisedPerson());
    }

    /**
     * Losing or regaining capacity calls for a review (DOMAIN.md). One is scheduled with the appointment or its end
     * once the budget is in use and no capacity review is pending, beside any other review pending; before approval, the
     * plan cycle itself follows the change.
     */
    private void scheduleCapacityReview(Actor actor) {
        boolean capacityReviewPending =
                pendingReviews.stream().anyMatch(review -> review.kind() == ReviewKind.CAPACITY_CHANGE);
        if (planInForce && !capacityReviewPending) {
            var review = new ReviewSchedule(ReviewKind.CAPACITY_CHANGE, ReviewWindows.capacityReviewDue(now()));
            decide(actor, null, (act, control) -> new ReviewScheduled(id, act, control, review));
        }
    }

    /** What a command's caller is told: the budget as the command left it. */
    private CommandAccepted outcome() {
        return new CommandAccepted(id, version, status, control.holder());
    }

    // --- Deciding and guarding. ---

    /**
     * Applies the event {@code factory} makes, stamped with whose act it is and the control transfer the
     * control rule gives for it (the rule reads only the event's content, so a draft answers it).
     */
    private void decide(
            Actor actor, PersonReference onBehalfOf, BiFunction<Act, ControlTransfer, ? extends BudgetEvent> factory) {
        Act act = new Act(actor.id(), actor.role(), onBehalfOf, now());
        ControlTransfer transfer = ControlRule.transfer(control, factory.apply(act, null));
        apply(factory.apply(act, transfer));
    }

    private Money amountInForce() {
        return AmountInForce.at(now(), approvedAmount, adjustments);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private void guardOpen() {
        if (status == CLOSED) {
            throw new BudgetRuleViolation(Rule.BUDGET_CLOSED, "the budget is closed: nothing is accepted after it");
        }
    }

    /** The roles {@link AllowedRoles} gives the command, the one place they are written. */
    private static void requireAllowedRole(BudgetCommand command) {
        if (!CommandRoles.allows(command.getClass(), command.actor().role())) {
            throw PersonActs.notAllowed(command.actor());
        }
    }

    private static void allow(Actor actor, Role... roles) {
        for (Role role : roles) {
            if (actor.is(role)) {
                return;
            }
        }
        throw PersonActs.notAllowed(actor);
    }

    private void requireStatus(BudgetStatus required, Rule rule, String detail) {
        if (status != required) {
            throw new BudgetRuleViolation(rule, detail + " (the budget is " + status + ")");
        }
    }

    private StatusState lifecycle() {
        return new StatusState(status, statusBeforeSuspension, planInForce);
    }

    /** In use: approved and not ended, so also while a review's replan makes the next plan (StatusRule). */
    private void requireApproved(String detail) {
        if (!planInForce) {
            throw new BudgetRuleViolation(Rule.BUDGET_NOT_APPROVED, detail + " (the budget is " + status + ")");
        }
    }

    /** Whether the person took part in a decision that affects them, and how they were told, is recorded with it. */
    private static void requireParticipation(Boolean personTookPart, NotificationMethod personToldBy, String path) {
        if (personTookPart == null) {
            throw new BudgetRuleViolation(
                    Rule.PARTICIPATION_NOT_RECORDED,
                    "a decision that affects the person records whether they took part in it",
                    path + ".personTookPart");
        }
        if (personToldBy == null) {
            throw new BudgetRuleViolation(
                    Rule.PARTICIPATION_NOT_RECORDED,
                    "a decision that affects the person records how they were told of it",
                    path + ".personToldBy");
        }
    }

    private void requireOfferMade() {
        if (!offerMade) {
            throw new BudgetRuleViolation(Rule.NO_OFFER_YET, "this is possible any time after a budget is offered");
        }
    }

    private static void requireSoundOffer(Money amount, Calculation calculation, String field) {
        requirePositive(amount, field + ".amount.pence");
        if (calculation.breakdownYearlyPence() != amount.yearlyPence()) {
            throw new BudgetRuleViolation(
                    Rule.BREAKDOWN_DOES_NOT_ADD_UP,
                    "the breakdown comes to " + calculation.breakdownYearlyPence() + " pence a year, the amount to "
                            + amount.yearlyPence(),
                    field + ".calculation.breakdown");
        }
    }

    private static void requirePositive(Money amount, String field) {
        if (!amount.isPositive()) {
            throw new BudgetRuleViolation(Rule.AMOUNT_NOT_POSITIVE, "the amount must be more than zero", field);
        }
    }

    private void requireLineServesAGoal(PlanLine line, String field) {
        if (line.recoveryGoalId() == null && line.outcomeDomain() == null) {
            throw new BudgetRuleViolation(
                    Rule.PLAN_LINE_WITHOUT_PURPOSE,
                    "each plan line names the recovery goal or outcome domain it serves",
                    field);
        }
        if (line.recoveryGoalId() != null && !recoveryGoalIds.contains(line.recoveryGoalId())) {
            throw unknownGoal(line.recoveryGoalId(), field + ".recoveryGoalId");
        }
    }

    private static BudgetRuleViolation unknownGoal(String goalId, String field) {
        return new BudgetRuleViolation(
                Rule.UNKNOWN_RECOVERY_GOAL, "no recovery goal '" + goalId + "' in the assessment", field);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
