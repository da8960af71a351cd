package uk.gov.personalbudget.budget.history;

import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.api.BudgetView;
import uk.gov.personalbudget.contracts.api.OpenChallenge;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlRule;
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
import uk.gov.personalbudget.contracts.event.OfferContested;
import uk.gov.personalbudget.contracts.event.OfferRevised;
import uk.gov.personalbudget.contracts.event.PersonStatementAdded;
import uk.gov.personalbudget.contracts.event.PersonalDataErasureConfirmed;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.PlanWithdrawn;
import uk.gov.personalbudget.contracts.event.PractitionerReallocated;
import uk.gov.personalbudget.contracts.event.PreferredControlStated;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.event.ReviewScheduled;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AmountInForce;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a budget's events, in order, into the {@link BudgetView} a council system reads. Status and control
 * are taken from the events themselves (each carries the holder after it), never re-derived here.
 */
final class BudgetViewFold {

    private BudgetId id;
    private PersonReference person;
    private String localAuthority;
    private String allocatedPractitioner;
    private BudgetStatus status;
    private ControlHolder controlHolder;
    private long version = -1;
    private Instant openedAt;
    private Instant lastChangedAt;
    private Assessment assessment;
    private Offer offer;
    private Contest openContest;
    private Plan plan;
    private final List<String> personStatements = new ArrayList<>();
    private Approval approval;
    private Money approvedAmount;
    private final List<Adjustment> adjustments = new ArrayList<>();
    private Management management;
    private Delegation delegation;
    private Authorisation authorisation;
    private final List<ReviewSchedule> pendingReviews = new ArrayList<>();
    private Suspension suspension;
    private BudgetStatus statusBeforeSuspension;
    private boolean planInForce;
    private String closureReason;
    private NotificationMethod personToldOfClosureBy;
    private Erasure erasure;
    private PreferredControl preferredControl;
    private final List<OpenChallenge> openChallenges = new ArrayList<>();

    boolean isEmpty() {
        return version < 0;
    }

    void apply(BudgetEvent event) {
        version++;
        lastChangedAt = event.act().occurredAt();
        controlHolder = event.control().after();
        StatusState next = StatusRule.after(new StatusState(status, statusBeforeSuspension, planInForce), event);
        status = next.status();
        statusBeforeSuspension = next.beforeSuspension();
        planInForce = next.planInForce();
        if (status != BudgetStatus.SUSPENDED) {
            // A review that replans or ends a suspended budget ends its suspension too.
            suspension = null;
        }
        if (event instanceof BudgetOpened opened) {
            id = opened.budgetId();
            person = opened.opening().person();
            localAuthority = opened.opening().localAuthority();
            allocatedPractitioner = opened.opening().allocatedPractitioner();
            openedAt = opened.act().occurredAt();
        } else if (event instanceof NeedsAssessed assessed) {
            assessment = assessed.assessment();
            if (assessment.preferredControl() != null) {
                preferredControl = assessment.preferredControl();
            }
            offer = null;
            openContest = null;
        } else if (event instanceof BudgetOffered offered) {
            offer = offered.offer();
        } else if (event instanceof OfferContested contested) {
            openContest = contested.contest();
        } else if (event instanceof ContestWithdrawn) {
            openContest = null;
        } else if (event instanceof OfferRevised revised) {
            offer = new Offer(revised.revision().amount(), revised.revision().calculation());
            openContest = null;
        } else if (event instanceof PlanSubmitted submitted) {
            plan = submitted.plan();
            personStatements.clear();
        } else if (event instanceof PlanWithdrawn) {
            personStatements.clear();
        } else if (event instanceof PersonStatementAdded added) {
            personStatements.add(added.statement().statement());
        } else if (event instanceof PlanApprovedByAuthority approved) {
            approval = approved.approval();
            approvedAmount = approved.approval().approvedAmount();
            adjustments.clear();
        } else if (event instanceof ManagementChosen chosen) {
            management = chosen.management();
        } else if (event instanceof ControlDelegated delegated) {
            delegation = delegated.delegation();
        } else if (event instanceof ControlResumed) {
            delegation = null;
        } else if (event instanceof AuthorisedPersonAppointed appointed) {
            authorisation = appointed.authorisation();
        } else if (event instanceof AuthorisationEnded) {
            authorisation = null;
        } else if (event instanceof BudgetAdjusted adjusted) {
            adjustments.add(adjusted.adjustment());
        } else if (event instanceof ReviewScheduled scheduled) {
            pendingReviews.add(scheduled.review());
        } else if (event instanceof ReviewCompleted completed) {
            PendingReviews.complete(pendingReviews, completed);
        } else if (event instanceof BudgetSuspended suspended) {
            suspension = suspended.suspension();
        } else if (event instanceof BudgetResumed) {
            suspension = null;
        } else if (event instanceof BudgetClosed closed) {
            closureReason = closed.reason().reason();
            personToldOfClosureBy = closed.personToldBy();
        } else if (event instanceof PractitionerReallocated reallocated) {
            allocatedPractitioner = reallocated.reallocation().practitioner();
        } else if (event instanceof PreferredControlStated stated) {
            preferredControl = stated.preferredControl();
        } else if (event instanceof DecisionChallenged challenged) {
            openChallenges.add(new OpenChallenge(
                    challenged.challenge(),
                    challenged.decisionSequence(),
                    challenged.act().occurredAt(),
                    challenged.act().actor()));
        } else if (event instanceof ChallengeAnswered answered) {
            openChallenges.removeIf(
                    open -> open.challenge().decision() == answered.answer().decision());
        } else if (event instanceof PersonalDataErasureConfirmed confirmed) {
            erasure = confirmed.erasure();
        }
        // OutcomeRecorded changes nothing in the view: outcomes are read from the history.
    }

    /** The view at {@code moment}, which decides the amount in force (see {@link AmountInForce}). */
    BudgetView view(Instant moment) {
        Adjustment inForce = AmountInForce.temporaryAt(moment, adjustments);
        Money currentAmount = approvedAmount == null ? null : AmountInForce.at(moment, approvedAmount, adjustments);
        return new BudgetView(
                id,
                person,
                localAuthority,
                allocatedPractitioner,
                status,
                planInForce,
                controlHolder,
                version,
                openedAt,
                lastChangedAt,
                assessment,
                offer,
                openContest,
                plan,
                List.copyOf(personStatements),
                approval,
                currentAmount,
                inForce,
                management,
                delegation,
                authorisation,
                PendingReviews.next(pendingReviews).orElse(null),
                PendingReviews.dueFirst(pendingReviews),
                suspension,
                closureReason,
                personToldOfClosureBy,
                preferredControl,
                List.copyOf(openChallenges),
                erasure);
    }

    /** Who the budget is for and who may stand for the person, as folded so far: for the access rule. */
    BudgetParties parties() {
        ControlHolder delegate = delegation == null
                ? null
                : ControlRule.delegateHolder(
                        delegation.delegate().role(), delegation.delegate().id());
        ControlHolder authorised = authorisation == null
                ? null
                : ControlHolder.named(ControlParty.NOMINEE, authorisation.authorisedPerson());
        return new BudgetParties(localAuthority, person, allocatedPractitioner, delegate, authorised);
    }
}
