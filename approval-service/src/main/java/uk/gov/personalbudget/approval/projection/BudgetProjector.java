package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.approval.projection.BudgetSummary.OpenChallenge;
import uk.gov.personalbudget.approval.projection.BudgetSummary.OpenContest;
import uk.gov.personalbudget.approval.projection.BudgetSummary.OpenDelegation;
import uk.gov.personalbudget.approval.projection.BudgetSummary.OpenPlan;
import uk.gov.personalbudget.approval.projection.BudgetSummary.PendingReview;
import uk.gov.personalbudget.approval.projection.DecisionFactory.Participation;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.control.ReviewDeadlines;
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
import uk.gov.personalbudget.contracts.event.OutcomeRecorded;
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
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Calculation;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.MixedSplit;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Projects one budget event onto the budget's summary: the new summary and the rows to write. Pure and
 * deterministic: the same summary and envelope always give the same step, so a replay rebuilds the same rows.
 * <p>
 * Control is read from each event's own {@code control} field (stamped by budget-service with the contracts'
 * {@code ControlRule}), never re-derived. Times are the event's {@code act().occurredAt()}, cut to whole
 * microseconds, the precision the databases keep, so durations do not depend on whether the summary came
 * from memory or from a row. Applying each event once, in order, is the caller's job ({@link SequenceCheck}).
 * <p>
 * Text is projected as it arrived, personal text sealed; but each event first passes {@link SealedFields}, so a
 * sealed value stays sealed only in a field the producer seals, and any other {@code pd:v1:} text can never be
 * opened when the trail and decisions are read out.
 */
public final class BudgetProjector {

    /** The step {@code arrived} makes from {@code before}, the budget's summary (null before its first event). */
    public ProjectionStep project(BudgetSummary before, EventEnvelope arrived) {
        EventEnvelope envelope = SealedFields.confine(arrived);
        BudgetEvent event = envelope.event();
        boolean opening = event instanceof BudgetOpened;
        if (before == null && !opening) {
            throw new IllegalStateException("budget " + envelope.budgetId() + ": event " + envelope.sequence() + " ("
                    + envelope.eventType() + ") arrived before the budget was opened");
        }
        if (before != null && opening) {
            throw new IllegalStateException("budget " + envelope.budgetId() + " is opened a second time");
        }
        Objects.requireNonNull(event.control(), "every event states its control transfer");
        Objects.requireNonNull(event.act(), "every event states whose act it was");
        return new Step(before, envelope).run();
    }

    /**
     * The reason an event states, as its author wrote it, for the control trail; null when it states none.
     * <table>
     * <caption>Where each event's reason comes from</caption>
     * <tr><td>NeedsAssessed</td><td>the eligibility determination's written reasons</td></tr>
     * <tr><td>OfferContested</td><td>the contest's reason</td></tr>
     * <tr><td>OfferRevised</td><td>the revision's reasons</td></tr>
     * <tr><td>PlanSubmitted</td><td>the exception reason of a plan costing more than the offer</td></tr>
     * <tr><td>PlanEndorsed</td><td>the endorsement comment</td></tr>
     * <tr><td>PlanReturned</td><td>the return reasons</td></tr>
     * <tr><td>PlanApprovedByAuthority</td><td>the variance reason</td></tr>
     * <tr><td>PlanDeclinedByAuthority</td><td>the decline reasons</td></tr>
     * <tr><td>ControlDelegated</td><td>the delegation's explanation</td></tr>
     * <tr><td>ControlResumed</td><td>the resumption reason</td></tr>
     * <tr><td>AuthorisedPersonAppointed</td><td>the capacity assessment reference it rests on</td></tr>
     * <tr><td>AuthorisationEnded, BudgetResumed, BudgetClosed, ContestWithdrawn, PlanWithdrawn</td><td>the
     *     reason</td></tr>
     * <tr><td>PractitionerReallocated</td><td>the reallocation's reason (it moves no control, so it is in the
     *     decisions, not the trail)</td></tr>
     * <tr><td>BudgetAdjusted</td><td>the adjustment's reason</td></tr>
     * <tr><td>BudgetSuspended</td><td>the suspension's reason</td></tr>
     * <tr><td>ReviewCompleted</td><td>the review's summary</td></tr>
     * <tr><td>DecisionChallenged, ChallengeAnswered</td><td>the grounds; the answer's reasons (they move no control, so
     *     they are in the decisions, not the trail)</td></tr>
     * <tr><td>any other</td><td>none</td></tr>
     * </table>
     */
    public static String reasonOf(BudgetEvent event) {
        if (event instanceof NeedsAssessed e) {
            return e.assessment() == null ? null : e.assessment().eligibilityReasons();
        }
        if (event instanceof OfferContested e) {
            return e.contest() == null ? null : e.contest().reason();
        }
        if (event instanceof OfferRevised e) {
            return e.revision() == null ? null : e.revision().reasons();
        }
        if (event instanceof PlanSubmitted e) {
            return e.plan() == null ? null : e.plan().exceptionReason();
        }
        if (event instanceof PlanEndorsed e) {
            return e.endorsement() == null ? null : e.endorsement().comment();
        }
        if (event instanceof PlanReturned e) {
            return e.planReturn() == null ? null : e.planReturn().reasons();
        }
        if (event instanceof PlanApprovedByAuthority e) {
            return e.approval() == null ? null : e.approval().varianceReason();
        }
        if (event instanceof PlanDeclinedByAuthority e) {
            return e.decline() == null ? null : e.decline().reasons();
        }
        if (event instanceof ControlDelegated e) {
            return e.delegation() == null ? null : e.delegation().explanation();
        }
        if (event instanceof ControlResumed e) {
            return e.resumption() == null ? null : e.resumption().reason();
        }
        if (event instanceof AuthorisedPersonAppointed e) {
            return e.authorisation() == null ? null : e.authorisation().capacityAssessmentReference();
        }
        if (event instanceof AuthorisationEnded e) {
            return text(e.reason());
        }
        if (event instanceof BudgetAdjusted e) {
            return e.adjustment() == null ? null : e.adjustment().reason();
        }
        if (event instanceof BudgetSuspended e) {
            return e.suspension() == null ? null : e.suspension().reason();
        }
        if (event instanceof BudgetResumed e) {
            return text(e.reason());
        }
        if (event instanceof BudgetClosed e) {
            return text(e.reason());
        }
        if (event instanceof ReviewCompleted e) {
            return e.result() == null ? null : e.result().summary();
        }
        if (event instanceof ContestWithdrawn e) {
            return text(e.reason());
        }
        if (event instanceof PlanWithdrawn e) {
            return text(e.reason());
        }
        if (event instanceof PractitionerReallocated e) {
            return e.reallocation() == null ? null : e.reallocation().reason();
        }
        if (event instanceof DecisionChallenged e) {
            return e.challenge() == null ? null : e.challenge().grounds();
        }
        if (event instanceof ChallengeAnswered e) {
            return e.answer() == null ? null : e.answer().reasons();
        }
        return null;
    }

    private static String text(Reason reason) {
        return reason == null ? null : reason.reason();
    }

    /** Whole seconds from {@code from} to {@code to}, rounded down. */
    static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }

    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** One event's projection: a working copy of the summary and the rows it collects. */
    private static final class Step {

        private final BudgetSummary before;
        private final EventEnvelope envelope;
        private final BudgetEvent event;
        private final Act act;
        private final Instant at;
        private final long sequence;
        private final BudgetSummary.Builder s;
        private final List<ControlTrailEntry> trail = new ArrayList<>(1);
        private final List<Decision> decisions = new ArrayList<>(1);
        private final List<QueueChange> queue = new ArrayList<>(2);
        private final List<DelegationRecord> delegations = new ArrayList<>(1);
        private final List<PlanCycle> plans = new ArrayList<>(1);
        private final List<ContestRecord> contests = new ArrayList<>(1);
        private final List<ClockChange> clocks = new ArrayList<>(2);
        private final List<OutcomeRecord> outcomes = new ArrayList<>(1);
        private final List<AssessmentRecord> assessments = new ArrayList<>(1);
        private final List<PersonAct> acts = new ArrayList<>(1);

        Step(BudgetSummary before, EventEnvelope envelope) {
            this.before = before;
            this.envelope = envelope;
            this.event = envelope.event();
            this.act = event.act();
            this.at = micros(Objects.requireNonNullElse(act.occurredAt(), envelope.timestamp()));
            Objects.requireNonNull(at, "an event has a time");
            this.sequence = envelope.sequence();
            this.s = before == null ? new BudgetSummary.Builder() : before.toBuilder();
        }

        ProjectionStep run() {
            track(event.control());
            dispatch();
            // After dispatch, which may read the status the event found (closing an ENDING budget).
            StatusState status =
                    StatusRule.after(new StatusState(s.status, s.statusBeforeSuspension, s.planInForce), event);
            s.status = status.status();
            s.statusBeforeSuspension = status.beforeSuspension();
            s.planInForce = status.planInForce();
            if (!s.planInForce) {
                s.planMadeBy = null;
            }
            s.lastSequence = sequence;
            s.lastEventAt = at;
            if (act.actorRole() == Role.PERSON || act.onBehalfOf() != null) {
                acts.add(new PersonAct(
                        envelope.budgetId(),
                        sequence,
                        at,
                        envelope.eventType(),
                        act.actorRole(),
                        act.onBehalfOf() != null));
            }
            return new ProjectionStep(
                    s.build(),
                    trail,
                    decisions,
                    queue,
                    delegations,
                    plans,
                    contests,
                    clocks,
                    outcomes,
                    assessments,
                    acts);
        }

        /** A trail row when control moves; the holder always as the event states it. */
        private void track(ControlTransfer control) {
            if (control.isTransfer()) {
                Long heldFor = before == null ? null : seconds(s.controlSince, at);
                trail.add(new ControlTrailEntry(
                        envelope.budgetId(),
                        sequence,
                        control.before(),
                        control.after(),
                        at,
                        envelope.eventType(),
                        act.actor(),
                        act.actorRole(),
                        act.onBehalfOf(),
                        reasonOf(event),
                        heldFor));
                s.controlSince = at;
            }
            s.controlHolder = control.after();
        }

        private void dispatch() {
            if (event instanceof BudgetOpened e) {
                opened(e);
            } else if (event instanceof NeedsAssessed e) {
                assessed(e);
                if (e.assessment() != null && e.assessment().preferredControl() != null) {
                    preferenceStated(e.assessment().preferredControl());
                }
            } else if (event instanceof BudgetOffered e) {
                offered(e);
            } else if (event instanceof OfferContested e) {
                contested(e);
            } else if (event instanceof OfferRevised e) {
                revised(e);
            } else if (event instanceof PlanSubmitted e) {
                submitted(e);
            } else if (event instanceof PlanEndorsed e) {
                endorsed(e);
            } else if (event instanceof PlanReturned e) {
                returned(e);
            } else if (event instanceof PlanApprovedByAuthority e) {
                approved(e);
            } else if (event instanceof PlanDeclinedByAuthority e) {
                declined(e);
            } else if (event instanceof ManagementChosen e) {
                managementChosen(e);
            } else if (event instanceof ControlDelegated e) {
                delegated(e);
            } else if (event instanceof ControlResumed) {
                endDelegation(DelegationEnd.RESUMED);
            } else if (event instanceof AuthorisedPersonAppointed e) {
                s.authorisedPerson = e.authorisation().authorisedPerson();
            } else if (event instanceof AuthorisationEnded) {
                s.authorisedPerson = null;
            } else if (event instanceof BudgetAdjusted e) {
                adjusted(e);
            } else if (event instanceof ReviewScheduled e) {
                reviewScheduled(e);
            } else if (event instanceof ReviewCompleted e) {
                reviewCompleted(e);
            } else if (event instanceof BudgetSuspended e) {
                suspended(e);
            } else if (event instanceof BudgetResumed e) {
                budgetResumed(e);
            } else if (event instanceof BudgetClosed e) {
                decisions.add(
                        decided().closure(text(e.reason()), new Participation(e.personTookPart(), e.personToldBy())));
                close();
            } else if (event instanceof PractitionerReallocated e) {
                reallocated(e);
            } else if (event instanceof ContestWithdrawn e) {
                contestWithdrawn(e);
            } else if (event instanceof PlanWithdrawn e) {
                planWithdrawn(e);
            } else if (event instanceof PersonalDataErasureConfirmed e) {
                erasureConfirmed(e);
            } else if (event instanceof OutcomeRecorded e) {
                outcomeRecorded(e);
            } else if (event instanceof DecisionChallenged e) {
                challenged(e);
            } else if (event instanceof ChallengeAnswered e) {
                challengeAnswered(e);
            } else if (event instanceof PreferredControlStated e) {
                preferenceStated(e.preferredControl());
            }
            // OfferAccepted changes only the status (after dispatch). PersonStatementAdded changes nothing projected
            // here but the sequence; so does an event type this service does not know yet, which must not stop the
            // consumer.
        }

        private void opened(BudgetOpened e) {
            s.budgetId = e.budgetId();
            s.person = e.opening().person();
            s.localAuthority = e.opening().localAuthority();
            s.allocatedPractitioner = e.opening().allocatedPractitioner();
            s.openedAt = at;
            startClock(ClockKind.MONEY_IN_PLACE, null);
        }

        /**
         * A (re-)assessment withdraws the offer, and with it any contest or plan still open against it. An eligible one
         * waits for an offer from now.
         */
        private void assessed(NeedsAssessed e) {
            s.offeredAmount = null;
            s.offeredAt = null;
            lapseContest();
            lapsePlan();
            var assessment = e.assessment();
            boolean eligible = assessment != null && Boolean.TRUE.equals(assessment.eligible());
            assessments.add(new AssessmentRecord(
                    s.budgetId, sequence, at, assessment == null ? null : assessment.kind(), eligible));
            stopClock(ClockKind.OFFER, ClockEnd.LAPSED);
            if (eligible) {
                startClock(ClockKind.OFFER, null);
            }
        }

        /** The outcome, with how the plan in force was made and how the budget is managed now. */
        private void outcomeRecorded(OutcomeRecorded e) {
            var outcome = e.outcome();
            outcomes.add(new OutcomeRecord(
                    s.budgetId,
                    sequence,
                    at,
                    outcome.domain(),
                    outcome.recoveryGoalId(),
                    s.planInForce ? s.planMadeBy : null,
                    s.managementOption,
                    act.actorRole(),
                    act.onBehalfOf() != null));
        }

        /** Stops the running clock of {@code kind}, if any, and starts another from now. */
        private void startClock(ClockKind kind, TemporalAmount dueAfter) {
            stopClock(kind, ClockEnd.LAPSED);
            clocks.add(new ClockChange.Start(new TimelinessClock(
                    s.budgetId,
                    kind,
                    sequence,
                    s.localAuthority,
                    at,
                    dueAfter == null ? null : at.plus(dueAfter),
                    null,
                    null)));
        }

        private void stopClock(ClockKind kind, ClockEnd how) {
            clocks.add(new ClockChange.Stop(s.budgetId, kind, at, how));
        }

        private void offered(BudgetOffered e) {
            s.offeredAmount = e.offer().amount();
            s.offeredAt = at;
            stopClock(ClockKind.OFFER, ClockEnd.MET);
            var offer = e.offer();
            decisions.add(decided()
                    .offer(
                            offer.amount(),
                            method(offer.calculation()),
                            new Participation(offer.personTookPart(), offer.personToldBy())));
        }

        private void contested(OfferContested e) {
            lapseContest();
            Money offered = e.offeredAmount() != null ? e.offeredAmount() : s.offeredAmount;
            Money requested = e.contest().requestedAmount();
            s.openContest = new OpenContest(sequence, at, offered, requested);
            s.counters = s.counters.contested();
            contests.add(new ContestRecord(s.budgetId, sequence, at, offered, requested, null, null, null));
            queue.add(new QueueChange.Upsert(entry(
                    QueueKind.CONTEST_AWAITING_ANSWER,
                    requested == null ? null : requested.yearlyPence(),
                    null,
                    null)));
        }

        private void revised(OfferRevised e) {
            OpenContest contest = s.openContest;
            Money revised = e.revision().amount();
            Money previous =
                    firstNonNull(e.previousAmount(), contest == null ? null : contest.offered(), s.offeredAmount);
            Objects.requireNonNull(previous, "a revision revises an offer");
            Money requested = e.requestedAmount();
            ContestOutcome outcome = ContestOutcome.of(revised, previous, requested);
            decisions.add(decided()
                    .revision(
                            outcome,
                            e.revision().reasons(),
                            method(e.revision().calculation()),
                            revised,
                            new Participation(
                                    e.revision().personTookPart(), e.revision().personToldBy()),
                            contest == null ? null : seconds(contest.since(), at)));
            endContest(revised, outcome);
            s.offeredAmount = revised;
            s.offeredAt = at;
        }

        /** The person withdrew their contest: the offer stands open again, and the contest ends as WITHDRAWN. */
        private void contestWithdrawn(ContestWithdrawn e) {
            OpenContest contest = s.openContest;
            decisions.add(decided()
                    .contestWithdrawal(
                            text(e.reason()),
                            contest == null ? s.offeredAmount : contest.offered(),
                            contest == null ? null : seconds(contest.since(), at)));
            endContest(null, ContestOutcome.WITHDRAWN);
        }

        private void submitted(PlanSubmitted e) {
            lapsePlan();
            s.openPlan = new OpenPlan(
                    sequence, at, e.plan().yearlyCostPence(), e.plan().madeBy(), null);
            s.counters = s.counters.planSubmitted();
            plans.add(cycle(s.openPlan, null));
        }

        private void endorsed(PlanEndorsed e) {
            OpenPlan plan = s.openPlan;
            Long planYearly = null;
            if (plan != null) {
                plan = new OpenPlan(plan.sequence(), plan.submittedAt(), plan.yearlyPence(), plan.madeBy(), at);
                s.openPlan = plan;
                plans.add(cycle(plan, null));
                planYearly = plan.yearlyPence();
            }
            decisions.add(decided()
                    .endorsement(
                            e.endorsement() == null ? null : e.endorsement().comment(),
                            planYearly == null ? null : Money.yearly(planYearly)));
            queue.add(new QueueChange.Upsert(
                    entry(QueueKind.PLAN_AWAITING_DECISION, amountToCommit(planYearly), null, null)));
            startClock(ClockKind.DECISION, null);
        }

        /** The authority commits the offer, or the plan's cost when the plan asks for more than the offer. */
        private Long amountToCommit(Long planYearly) {
            Long offered = s.offeredAmount == null ? null : s.offeredAmount.yearlyPence();
            if (planYearly == null || offered == null) {
                return planYearly != null ? planYearly : offered;
            }
            return Math.max(planYearly, offered);
        }

        private void returned(PlanReturned e) {
            decisions.add(decided().planReturn(e.planReturn().reasons(), planCost()));
            s.counters = s.counters.returned();
            endPlan(PlanOutcome.RETURNED);
        }

        private void approved(PlanApprovedByAuthority e) {
            var approval = e.approval();
            String conditions =
                    approval.conditions() == null || approval.conditions().isEmpty()
                            ? null
                            : String.join("; ", approval.conditions());
            decisions.add(decided()
                    .approval(
                            approval.varianceReason(),
                            conditions,
                            approval.approvedAmount(),
                            approval.personTookPart(),
                            e.personStatementAdded(),
                            waitedSinceEndorsement()));
            s.approvedAmount = approval.approvedAmount();
            if (s.openPlan != null) {
                s.planMadeBy = s.openPlan.madeBy();
            }
            endPlan(PlanOutcome.APPROVED);
            // Each approval starts the light-touch review's window; the yearly one runs from it until a first review.
            startClock(ClockKind.INITIAL_REVIEW, ReviewDeadlines.INITIAL_LATEST);
            if (s.lastReviewAt == null) {
                startClock(ClockKind.ANNUAL_REVIEW, ReviewDeadlines.ANNUAL);
            }
        }

        private void declined(PlanDeclinedByAuthority e) {
            var decline = e.decline();
            decisions.add(decided()
                    .decline(
                            decline.reasons(),
                            decline.personToldBy(),
                            planCost(),
                            decline.personTookPart(),
                            e.personStatementAdded(),
                            waitedSinceEndorsement()));
            s.counters = s.counters.declined();
            endPlan(PlanOutcome.DECLINED);
        }

        /** The plan awaiting the practitioner or the authority was withdrawn: planning goes on. */
        private void planWithdrawn(PlanWithdrawn e) {
            decisions.add(decided().planWithdrawal(text(e.reason()), planCost()));
            endPlan(PlanOutcome.WITHDRAWN);
        }

        /**
         * The person's personal data is erased: a decision by the confirming authority, naming the one who requested it.
         * The texts this projection holds sealed read [erased] from now on without being touched here.
         */
        private void erasureConfirmed(PersonalDataErasureConfirmed e) {
            decisions.add(decided().erasure(e.erasure()));
        }

        /** The person challenged a decision: a decision of theirs, and the authority's queue holds it until answered. */
        private void challenged(DecisionChallenged e) {
            var challenge = e.challenge();
            decisions.add(decided()
                    .challenge(
                            challenge.decision(),
                            challenge.grounds(),
                            challenge.complaintReference(),
                            challenge.requestedAmount()));
            s.openChallenges.removeIf(open -> open.decision() == challenge.decision());
            s.openChallenges.add(new OpenChallenge(challenge.decision(), sequence, at, challenge.complaintReference()));
            queueChallenges();
        }

        /** The authority answered: the answer is a decision, and the queue moves on to the next challenge open. */
        private void challengeAnswered(ChallengeAnswered e) {
            var answer = e.answer();
            OpenChallenge open = s.openChallenges.stream()
                    .filter(challenge -> challenge.decision() == answer.decision())
                    .findFirst()
                    .orElse(null);
            Instant challengedAt =
                    e.challengedAt() != null ? micros(e.challengedAt()) : open == null ? null : open.since();
            decisions.add(decided()
                    .challengeAnswer(
                            answer.result(),
                            answer.reasons(),
                            answer.changes(),
                            new Participation(answer.personTookPart(), answer.personToldBy()),
                            challengedAt == null ? null : seconds(challengedAt, at)));
            if (open != null) {
                s.openChallenges.remove(open);
                queueChallenges();
            }
        }

        /**
         * One queue item per budget for its challenges: the oldest still open, since it was made, naming the decision
         * and the complaint; none once every challenge is answered.
         */
        private void queueChallenges() {
            if (s.openChallenges.isEmpty()) {
                queue.add(new QueueChange.Remove(s.budgetId, QueueKind.CHALLENGE_AWAITING_ANSWER));
                return;
            }
            OpenChallenge oldest = s.openChallenges.stream()
                    .min(Comparator.comparing(OpenChallenge::since).thenComparingLong(OpenChallenge::sequence))
                    .orElseThrow();
            int more = s.openChallenges.size() - 1;
            String detail = oldest.decision() + ", complaint " + oldest.complaintReference()
                    + (more > 0 ? "; " + more + " more awaiting an answer" : "");
            queue.add(new QueueChange.Upsert(new ApprovalQueueEntry(
                    s.budgetId,
                    QueueKind.CHALLENGE_AWAITING_ANSWER,
                    oldest.sequence(),
                    oldest.since(),
                    s.person,
                    s.allocatedPractitioner,
                    s.localAuthority,
                    null,
                    null,
                    detail.length() > 255 ? detail.substring(0, 255) : detail)));
        }

        /** How much control the person wants: kept on the budget, and a decision of theirs in its history. */
        private void preferenceStated(PreferredControl preferred) {
            decisions.add(decided().preferredControl(preferred, s.preferredControl));
            s.preferredControl = preferred;
        }

        /** The budget moved to another practitioner's caseload: a decision, and the queue names them from now. */
        private void reallocated(PractitionerReallocated e) {
            String practitioner = e.reallocation().practitioner();
            String previous = e.previousPractitioner();
            decisions.add(decided().reallocation(e.reallocation().reason(), previous, practitioner));
            s.allocatedPractitioner = practitioner;
            queue.add(new QueueChange.Reallocate(s.budgetId, practitioner));
        }

        private Long waitedSinceEndorsement() {
            OpenPlan plan = s.openPlan;
            return plan == null || plan.endorsedAt() == null ? null : seconds(plan.endorsedAt(), at);
        }

        private Money planCost() {
            return s.openPlan == null ? null : Money.yearly(s.openPlan.yearlyPence());
        }

        private void managementChosen(ManagementChosen e) {
            Management management = e.management();
            decisions.add(decided().management(management.option(), describe(management)));
            s.managementOption = management.option();
            stopClock(ClockKind.MONEY_IN_PLACE, ClockEnd.MET);
            // As budget-service's aggregate: the direct payment starts with the first choice including one.
            if (!management.includesDirectPayment()) {
                s.directPaymentSince = null;
                stopClock(ClockKind.DIRECT_PAYMENT_REVIEW, ClockEnd.LAPSED);
            } else if (s.directPaymentSince == null) {
                s.directPaymentSince = at;
                startClock(ClockKind.DIRECT_PAYMENT_REVIEW, ReviewDeadlines.DIRECT_PAYMENT);
            }
        }

        private void delegated(ControlDelegated e) {
            var delegation = e.delegation();
            s.openDelegation = new OpenDelegation(
                    sequence,
                    delegation.delegate().id(),
                    delegation.delegate().role(),
                    delegation.reason(),
                    at,
                    micros(delegation.intendedEnd()));
            s.counters = s.counters.delegated();
            delegations.add(delegationRecord(s.openDelegation, null, null));
            queue.add(new QueueChange.Upsert(entry(
                    QueueKind.DELEGATION,
                    null,
                    s.openDelegation.intendedEnd(),
                    delegation.delegate().id())));
        }

        private void adjusted(BudgetAdjusted e) {
            Adjustment adjustment = e.adjustment();
            StringJoiner detail = new StringJoiner("; ");
            if (adjustment.requestedBy() != null) {
                detail.add("requested by " + adjustment.requestedBy());
            }
            if (adjustment.effectiveFrom() != null) {
                detail.add("effective from " + adjustment.effectiveFrom());
            }
            if (adjustment.endsOn() != null) {
                detail.add("ends on " + adjustment.endsOn());
            }
            decisions.add(decided()
                    .adjustment(
                            adjustment.kind(),
                            adjustment.reason(),
                            detail.length() == 0 ? null : detail.toString(),
                            adjustment.newAmount(),
                            new Participation(adjustment.personTookPart(), adjustment.personToldBy())));
            s.approvedAmount = adjustment.newAmount();
        }

        /** A CAPACITY_CHANGE review, which may be pending beside another, is kept and queued apart from it. */
        private void reviewScheduled(ReviewScheduled e) {
            var review = new PendingReview(e.review().kind(), micros(e.review().dueBy()), at);
            boolean capacity = review.kind() == ReviewKind.CAPACITY_CHANGE;
            if (capacity) {
                s.capacityReview = review;
            } else {
                s.pendingReview = review;
            }
            queue.add(new QueueChange.Upsert(entry(
                    capacity ? QueueKind.CAPACITY_REVIEW : QueueKind.REVIEW,
                    null,
                    review.dueBy(),
                    review.kind().name())));
        }

        private void reviewCompleted(ReviewCompleted e) {
            var result = e.result();
            var kind = e.review() != null ? e.review().kind() : s.pendingReview == null ? null : s.pendingReview.kind();
            decisions.add(decided().review(result.result(), result.summary(), kind, result.personTookPart()));
            endReview(kind);
            reviewDone(result.result());
            if (result.result() == ReviewOutcome.END) {
                ending(e.control(), kind == null ? null : kind.name());
            }
        }

        /**
         * A completed review, of whatever kind, meets the review duties running, and the yearly one runs again from it
         * unless it ended the budget. A replan or an end also ends a suspension (contracts {@code StatusRule}).
         */
        private void reviewDone(ReviewOutcome result) {
            s.lastReviewAt = at;
            stopClock(ClockKind.INITIAL_REVIEW, ClockEnd.MET);
            stopClock(ClockKind.DIRECT_PAYMENT_REVIEW, ClockEnd.MET);
            stopClock(ClockKind.ANNUAL_REVIEW, ClockEnd.MET);
            if (result != ReviewOutcome.END) {
                startClock(ClockKind.ANNUAL_REVIEW, ReviewDeadlines.ANNUAL);
            }
            if (result != ReviewOutcome.CONTINUE && s.status == BudgetStatus.SUSPENDED) {
                stopClock(ClockKind.SUSPENSION, ClockEnd.MET);
            }
        }

        /**
         * A review ended the budget: it is ENDING, and waits for the authority to close it and tell the person.
         * Events written before ENDING existed gave control to nobody here and no BudgetClosed followed: those
         * close the budget as they did then.
         */
        private void ending(ControlTransfer control, String reviewKind) {
            if (control.after().party() == ControlParty.NOBODY) {
                close();
                return;
            }
            queue.add(new QueueChange.Upsert(entry(QueueKind.ENDING_AWAITING_CLOSURE, null, null, reviewKind)));
        }

        private void suspended(BudgetSuspended e) {
            decisions.add(decided()
                    .suspension(
                            e.suspension().reason(),
                            e.suspension().interimArrangement(),
                            new Participation(
                                    e.suspension().personTookPart(),
                                    e.suspension().personToldBy())));
            startClock(ClockKind.SUSPENSION, null);
        }

        private void budgetResumed(BudgetResumed e) {
            decisions.add(decided().resumption(text(e.reason())));
            stopClock(ClockKind.SUSPENSION, ClockEnd.MET);
        }

        /**
         * Closing ends everything still open: nothing waits on a closed budget. A delegation in force ends for the
         * queue and the reports, but its delegate stays named in the summary, as in the contracts' control state
         * (only {@code ControlResumed} clears it): both services then let the same callers see the closed budget.
         */
        private void close() {
            if (s.status == BudgetStatus.ENDING || s.statusBeforeSuspension == BudgetStatus.ENDING) {
                queue.add(new QueueChange.Remove(s.budgetId, QueueKind.ENDING_AWAITING_CLOSURE));
            }
            s.closedAt = at;
            lapseContest();
            lapsePlan();
            OpenDelegation delegation = s.openDelegation;
            endDelegation(DelegationEnd.CLOSED);
            s.openDelegation = delegation;
            endReviews();
            for (ClockKind kind : ClockKind.values()) {
                stopClock(kind, ClockEnd.LAPSED);
            }
        }

        private void lapseContest() {
            endContest(null, ContestOutcome.LAPSED);
        }

        /**
         * The open contest, if any, ends now: answered with a revision ({@code answeredWith}), withdrawn or lapsed. It
         * leaves the queue and is recorded with its outcome.
         */
        private void endContest(Money answeredWith, ContestOutcome outcome) {
            OpenContest contest = s.openContest;
            if (contest != null) {
                contests.add(new ContestRecord(
                        s.budgetId,
                        contest.sequence(),
                        contest.since(),
                        contest.offered(),
                        contest.requested(),
                        at,
                        answeredWith,
                        outcome));
                queue.add(new QueueChange.Remove(s.budgetId, QueueKind.CONTEST_AWAITING_ANSWER));
                s.openContest = null;
            }
        }

        private void lapsePlan() {
            endPlan(PlanOutcome.LAPSED);
        }

        private void endPlan(PlanOutcome outcome) {
            OpenPlan plan = s.openPlan;
            if (plan != null) {
                plans.add(cycle(plan, outcome));
                if (plan.endorsedAt() != null) {
                    queue.add(new QueueChange.Remove(s.budgetId, QueueKind.PLAN_AWAITING_DECISION));
                    boolean decided = outcome == PlanOutcome.APPROVED || outcome == PlanOutcome.DECLINED;
                    stopClock(ClockKind.DECISION, decided ? ClockEnd.MET : ClockEnd.LAPSED);
                }
                s.openPlan = null;
            }
        }

        private void endDelegation(DelegationEnd how) {
            OpenDelegation delegation = s.openDelegation;
            if (delegation != null) {
                delegations.add(delegationRecord(delegation, at, how));
                queue.add(new QueueChange.Remove(s.budgetId, QueueKind.DELEGATION));
                s.openDelegation = null;
            }
        }

        /**
         * The completed review leaves the queue: the capacity review if that was completed and is kept apart (one
         * projected before it was kept apart is the pending review), else the pending one.
         */
        private void endReview(ReviewKind completed) {
            if (completed == ReviewKind.CAPACITY_CHANGE && s.capacityReview != null) {
                queue.add(new QueueChange.Remove(s.budgetId, QueueKind.CAPACITY_REVIEW));
                s.capacityReview = null;
            } else if (s.pendingReview != null) {
                queue.add(new QueueChange.Remove(s.budgetId, QueueKind.REVIEW));
                s.pendingReview = null;
            }
        }

        /** Closing ends every review still pending. */
        private void endReviews() {
            endReview(ReviewKind.CAPACITY_CHANGE);
            endReview(null);
        }

        private PlanCycle cycle(OpenPlan plan, PlanOutcome outcome) {
            return new PlanCycle(
                    s.budgetId,
                    plan.sequence(),
                    plan.submittedAt(),
                    plan.yearlyPence(),
                    plan.madeBy(),
                    plan.endorsedAt(),
                    outcome,
                    outcome == null ? null : at);
        }

        private DelegationRecord delegationRecord(OpenDelegation d, Instant endedAt, DelegationEnd endedBy) {
            return new DelegationRecord(
                    s.budgetId,
                    d.sequence(),
                    d.delegateId(),
                    d.delegateRole(),
                    d.reason(),
                    d.since(),
                    d.intendedEnd(),
                    endedAt,
                    endedBy);
        }

        private ApprovalQueueEntry entry(QueueKind kind, Long yearlyPence, Instant dueBy, String detail) {
            return new ApprovalQueueEntry(
                    s.budgetId,
                    kind,
                    sequence,
                    at,
                    s.person,
                    s.allocatedPractitioner,
                    s.localAuthority,
                    yearlyPence,
                    dueBy,
                    detail);
        }

        /** The decision this event makes, by its kind's factory method. */
        private DecisionFactory decided() {
            return new DecisionFactory(s.budgetId, sequence, at, act);
        }
    }

    private static String method(Calculation calculation) {
        if (calculation == null) {
            return null;
        }
        return calculation.allocationMethod() + " " + calculation.methodVersion();
    }

    private static String describe(Management management) {
        StringJoiner detail = new StringJoiner("; ");
        if (management.provider() != null) {
            detail.add("provider " + management.provider());
        }
        MixedSplit split = management.split();
        if (split != null) {
            if (split.directPayment() != null) {
                detail.add("direct payment " + describe(split.directPayment()));
            }
            if (split.councilManaged() != null) {
                detail.add("council-managed " + describe(split.councilManaged()));
            }
            if (split.serviceFund() != null) {
                detail.add("service fund " + describe(split.serviceFund()));
            }
        }
        return detail.length() == 0 ? null : detail.toString();
    }

    private static String describe(Money money) {
        return money.pence() + " pence " + money.period();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
