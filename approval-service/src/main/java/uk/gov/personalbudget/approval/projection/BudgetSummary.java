package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlRule;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the projections remember of one budget between its events: who it is for and who may stand for the
 * person ({@link #parties()}, for the access rule), where it is, who holds control and since when, and what is
 * open (a contest, a plan, a delegation, a review), so the next event's rows can be written without reading
 * them back.
 *
 * @param lastSequence   the last event projected; the next must be {@code lastSequence + 1}
 * @param localAuthority the id of the council the budget belongs to (e.g. {@code leeds})
 * @param allocatedPractitioner whose caseload the budget is on: from the opening, then each
 *                       {@code PractitionerReallocated}
 * @param openDelegation the delegation in force: from {@code ControlDelegated} until {@code ControlResumed}. A
 *                       closure ends its record and queue item, but the delegate stays named here, as in the
 *                       contracts' control state
 * @param authorisedPerson the authorised person in force (a NOMINEE), until {@code AuthorisationEnded}
 * @param planInForce    whether an approved plan is in force: from approval until a review ends the budget or it
 *                       closes, so also while a review's replan makes the next plan (contracts {@code StatusRule})
 * @param controlHolder  who holds control after the last event
 * @param controlSince   when they gained it (the last transfer)
 * @param offeredAmount  the offer standing now (after revisions); null before an offer or after a re-assessment
 * @param approvedAmount the approved amount after adjustments; null before approval
 * @param planMadeBy     how the plan in force was made; null while none is
 * @param directPaymentSince when the direct payment began: the choice of a management with one, after one without;
 *                       null without one
 * @param lastReviewAt   when the last review was completed; null before any
 * @param preferredControl how much control the person wants, as last recorded; null before it was
 * @param openChallenges the challenges of decisions awaiting the authority's answer, oldest first
 */
public record BudgetSummary(
        BudgetId budgetId,
        long lastSequence,
        Instant lastEventAt,
        PersonReference person,
        String localAuthority,
        String allocatedPractitioner,
        Instant openedAt,
        Instant closedAt,
        BudgetStatus status,
        BudgetStatus statusBeforeSuspension,
        boolean planInForce,
        ManagementOption managementOption,
        ControlHolder controlHolder,
        Instant controlSince,
        Money offeredAmount,
        Instant offeredAt,
        Money approvedAmount,
        OpenContest openContest,
        OpenPlan openPlan,
        OpenDelegation openDelegation,
        PendingReview pendingReview,
        PendingReview capacityReview,
        String authorisedPerson,
        Counters counters,
        PlanningApproach planMadeBy,
        Instant directPaymentSince,
        Instant lastReviewAt,

        PreferredControl preferredControl,
        List<OpenChallenge> openChallenges) {

    public BudgetSummary {
        openChallenges = openChallenges == null ? List.of() : List.copyOf(openChallenges);
    }

    /** A challenge awaiting the authority's answer: which decision, the complaint, and when it was made. */
    public record OpenChallenge(ChallengedDecision decision, long sequence, Instant since, String complaintReference) {}

    /** A contest waiting for the authority's answer. */
    public record OpenContest(long sequence, Instant since, Money offered, Money requested) {}

    /** The plan of the current cycle, from submission until returned, decided or lapsed. */
    public record OpenPlan(
            long sequence, Instant submittedAt, long yearlyPence, PlanningApproach madeBy, Instant endorsedAt) {}

    /** The delegation in force. */
    public record OpenDelegation(
            long sequence,
            String delegateId,
            Role delegateRole,
            DelegationReason reason,
            Instant since,
            Instant intendedEnd) {}

    /** The review scheduled and not yet completed. */
    public record PendingReview(ReviewKind kind, Instant dueBy, Instant since) {}

    /** How many times each thing happened to the budget. */
    public record Counters(int contests, int plans, int returns, int declines, int delegations) {

        public static final Counters NONE = new Counters(0, 0, 0, 0, 0);

        Counters contested() {
            return new Counters(contests + 1, plans, returns, declines, delegations);
        }

        Counters planSubmitted() {
            return new Counters(contests, plans + 1, returns, declines, delegations);
        }

        Counters returned() {
            return new Counters(contests, plans, returns + 1, declines, delegations);
        }

        Counters declined() {
            return new Counters(contests, plans, returns, declines + 1, delegations);
        }

        Counters delegated() {
            return new Counters(contests, plans, returns, declines, delegations + 1);
        }
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** What the contracts' {@code BudgetAccessRule} needs to decide who may see the budget now. */
    public BudgetParties parties() {
        ControlHolder delegate = openDelegation == null
                ? null
                : ControlRule.delegateHolder(openDelegation.delegateRole(), openDelegation.delegateId());
        ControlHolder authorised =
                authorisedPerson == null ? null : ControlHolder.named(ControlParty.NOMINEE, authorisedPerson);
        return new BudgetParties(localAuthority, person, allocatedPractitioner, delegate, authorised);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** The projector's working copy while it applies one event. */
    static final class Builder {
        BudgetId budgetId;
        long lastSequence;
        Instant lastEventAt;
        PersonReference person;
        String localAuthority;
        String allocatedPractitioner;
        Instant openedAt;
        Instant closedAt;
        BudgetStatus status;
        BudgetStatus statusBeforeSuspension;
        boolean planInForce;
        ManagementOption managementOption;
        ControlHolder controlHolder;
        Instant controlSince;
        Money offeredAmount;
        Instant offeredAt;
        Money approvedAmount;
        OpenContest openContest;
        OpenPlan openPlan;
        OpenDelegation openDelegation;
        PendingReview pendingReview;
        PendingReview capacityReview;
        String authorisedPerson;
        Counters counters = Counters.NONE;
        PlanningApproach planMadeBy;
        Instant directPaymentSince;
        Instant lastReviewAt;
        PreferredControl preferredControl;
        List<OpenChallenge> openChallenges = new ArrayList<>();

        Builder() {}

        private Builder(BudgetSummary s) {
            budgetId = s.budgetId;
            lastSequence = s.lastSequence;
            lastEventAt = s.lastEventAt;
            person = s.person;
            localAuthority = s.localAuthority;
            allocatedPractitioner = s.allocatedPractitioner;
            openedAt = s.openedAt;
            closedAt = s.closedAt;
            status = s.status;
            statusBeforeSuspension = s.statusBeforeSuspension;
            planInForce = s.planInForce;
            managementOption = s.managementOption;
            controlHolder = s.controlHolder;
            controlSince = s.controlSince;
            offeredAmount = s.offeredAmount;
            offeredAt = s.offeredAt;
            approvedAmount = s.approvedAmount;
            openContest = s.openContest;
            openPlan = s.openPlan;
            openDelegation = s.openDelegation;
            pendingReview = s.pendingReview;
            capacityReview = s.capacityReview;
            authorisedPerson = s.authorisedPerson;
            counters = s.counters;
            planMadeBy = s.planMadeBy;
            directPaymentSince = s.directPaymentSince;
            lastReviewAt = s.lastReviewAt;
            preferredControl = s.preferredControl;
            openChallenges = new ArrayList<>(s.openChallenges);
        }

        BudgetSummary build() {
            return new BudgetSummary(
                    budgetId,
                    lastSequence,
                    lastEventAt,
                    person,
                    localAuthority,
                    allocatedPractitioner,
                    openedAt,
                    closedAt,
                    status,
                    statusBeforeSuspension,
                    planInForce,
                    managementOption,
                    controlHolder,
                    controlSince,
                    offeredAmount,
                    offeredAt,
                    approvedAmount,
                    openContest,
                    openPlan,
                    openDelegation,
                    pendingReview,
                    capacityReview,
                    authorisedPerson,
                    counters,
                    planMadeBy,
                    directPaymentSince,
                    lastReviewAt,
                    preferredControl,
                    openChallenges);
        }
    }
}
