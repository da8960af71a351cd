package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlRule;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.AUTHORISED_PERSON;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.AUTHORITY;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.NOMINEE;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.PERSON;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.PERSON_REF;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.PRACTITIONER;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.START;

/**
 * The projector, one event type at a time, then whole lives. Events come from {@link LifecycleEvents}, whose
 * control transfers are the contracts' control rule folded over the events.
 */
class BudgetProjectorTest {

    private static final BudgetId ID = new BudgetId("PB-1");
    private static final ControlHolder DELEGATE = ControlHolder.named(ControlParty.NOMINEE, NOMINEE);

    private static LifecycleEvents budget() {
        return LifecycleEvents.budget(ID.value());
    }

    /** Opened, assessed after 7 days, offered 5 days later: the person holds control from day 12. */
    private static LifecycleEvents offered() {
        return budget().opened().after(days(7)).assessed().after(days(5)).offered(1_250_000);
    }

    /** Offered, accepted (day 13), a plan of {@code planYearly} submitted (day 14) and endorsed (day 16). */
    private static LifecycleEvents endorsed(long planYearly) {
        return offered()
                .after(days(1))
                .accepted()
                .after(days(1))
                .submitted(planYearly)
                .after(days(2))
                .endorsed("Sensible and co-produced");
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }

    private static Instant day(long n) {
        return START.plus(days(n));
    }

    @Nested
    class OpeningAndAssessment {

        @Test
        void openingRecordsWhoseBudgetItIsAndGivesControlToThePractitioner() {
            var projection = InMemoryProjection.of(budget().opened().envelopes());

            BudgetSummary summary = projection.summary(ID);
            assertThat(summary.person()).isEqualTo(PERSON_REF);
            assertThat(summary.allocatedPractitioner()).isEqualTo(PRACTITIONER);
            assertThat(summary.localAuthority()).isEqualTo(LifecycleEvents.LOCAL_AUTHORITY);
            assertThat(summary.openedAt()).isEqualTo(START);
            assertThat(summary.status()).isEqualTo(BudgetStatus.OPENED);
            assertThat(summary.controlHolder()).isEqualTo(ControlHolder.PRACTITIONER);
            assertThat(summary.controlSince()).isEqualTo(START);
            assertThat(summary.lastSequence()).isZero();
            assertThat(projection.trail())
                    .containsExactly(new ControlTrailEntry(
                            ID,
                            0,
                            ControlHolder.NOBODY,
                            ControlHolder.PRACTITIONER,
                            START,
                            "BudgetOpened",
                            PRACTITIONER,
                            Role.PRACTITIONER,
                            null,
                            null,
                            null));
            assertThat(projection.decisions()).isEmpty();
            assertThat(projection.queue()).isEmpty();
        }

        @Test
        void assessmentHandsControlToTheAuthorityWithTheEligibilityReasons() {
            var projection = InMemoryProjection.of(
                    budget().opened().after(days(7)).assessed().envelopes());

            assertThat(projection.step(1).trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PRACTITIONER);
                assertThat(row.to()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.event()).isEqualTo("NeedsAssessed");
                assertThat(row.reason()).startsWith("Two eligible outcomes cannot be achieved");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(7)));
            });
            assertThat(projection.step(1).decisions()).isEmpty();
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.ASSESSED);
        }

        @Test
        void anEventBeforeTheBudgetIsOpenedIsRefused() {
            EventEnvelope assessed = budget().opened().assessed().envelopes().get(1);

            assertThatThrownBy(() -> new BudgetProjector().project(null, assessed))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before the budget was opened");
        }

        @Test
        void openingABudgetTwiceIsRefused() {
            var events = budget().opened();
            BudgetSummary opened = InMemoryProjection.of(events.envelopes()).summary(ID);
            EventEnvelope again =
                    new EventEnvelope("x", ID, 1, START, events.events().get(0));

            assertThatThrownBy(() -> new BudgetProjector().project(opened, again))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("opened a second time");
        }
    }

    @Nested
    class OfferAndContest {

        @Test
        void anOfferIsADecisionWithItsAmountMethodAndThePersonsPartAndGivesThePersonControl() {
            var projection = InMemoryProjection.of(offered().envelopes());

            assertThat(projection.step(2).decisions())
                    .containsExactly(new Decision(
                            ID,
                            2,
                            DecisionKind.OFFER,
                            day(12),
                            AUTHORITY,
                            Role.AUTHORITY,
                            null,
                            null,
                            null,
                            "Resource allocation system RAS-2025.2",
                            Money.yearly(1_250_000),
                            true,
                            NotificationMethod.IN_PERSON,
                            null,
                            null));
            assertThat(projection.step(2).trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isNull();
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(5)));
            });
            assertThat(projection.summary(ID).offeredAmount()).isEqualTo(Money.yearly(1_250_000));
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.OFFERED);
        }

        @Test
        void aContestWaitsInTheQueueWithTheAmountAskedAndItsReasonIsInTheTrail() {
            var projection = InMemoryProjection.of(offered()
                    .after(days(2))
                    .contested("It does not cover the evenings", 1_400_000L)
                    .envelopes());

            ProjectionStep step = projection.step(3);
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.to()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.actor()).isEqualTo(PERSON);
                assertThat(row.reason()).isEqualTo("It does not cover the evenings");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(2)));
            });
            assertThat(step.decisions()).isEmpty();
            assertThat(projection.queue())
                    .containsExactly(new ApprovalQueueEntry(
                            ID,
                            QueueKind.CONTEST_AWAITING_ANSWER,
                            3,
                            day(14),
                            PERSON_REF,
                            PRACTITIONER,
                            LifecycleEvents.LOCAL_AUTHORITY,
                            1_400_000L,
                            null,
                            null));
            assertThat(projection.contests())
                    .containsExactly(new ContestRecord(
                            ID, 3, day(14), Money.yearly(1_250_000), Money.yearly(1_400_000), null, null, null));
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.CONTESTED);
            assertThat(projection.summary(ID).counters().contests()).isEqualTo(1);
        }

        @Test
        void aContestWithoutAnAmountWaitsWithoutOne() {
            var projection = InMemoryProjection.of(
                    offered().contested("Not right for me", null).envelopes());

            assertThat(projection.queue())
                    .singleElement()
                    .satisfies(item -> assertThat(item.yearlyPence()).isNull());
        }

        @Test
        void aRevisionAnswersTheContestWithHowLongItWaitedAndWhetherItReachedTheAmountAsked() {
            var projection = InMemoryProjection.of(offered()
                    .after(days(2))
                    .contested("It does not cover the evenings", 1_400_000L)
                    .after(days(6))
                    .revised(1_350_000, "Two evenings, not three")
                    .envelopes());

            ProjectionStep step = projection.step(4);
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            4,
                            DecisionKind.REVISION,
                            day(20),
                            AUTHORITY,
                            Role.AUTHORITY,
                            null,
                            "RAISED_PARTLY",
                            "Two evenings, not three",
                            "Resource allocation system RAS-2025.2",
                            Money.yearly(1_350_000),
                            true,
                            NotificationMethod.IN_PERSON,
                            null,
                            seconds(days(6))));
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("Two evenings, not three");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(6)));
            });
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.CONTEST_AWAITING_ANSWER));
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.contests())
                    .containsExactly(new ContestRecord(
                            ID,
                            3,
                            day(14),
                            Money.yearly(1_250_000),
                            Money.yearly(1_400_000),
                            day(20),
                            Money.yearly(1_350_000),
                            ContestOutcome.RAISED_PARTLY));
            assertThat(projection.summary(ID).offeredAmount()).isEqualTo(Money.yearly(1_350_000));
            assertThat(projection.summary(ID).openContest()).isNull();
        }

        @Test
        void aWithdrawnContestIsADecisionThatHandsControlBackAndLeavesTheQueueWithAnOutcomeOfItsOwn() {
            var projection = InMemoryProjection.of(offered()
                    .after(days(2))
                    .contested("It does not cover the evenings", 1_400_000L)
                    .after(days(3))
                    .contestWithdrawn("We talked it through: the offer is enough")
                    .envelopes());

            ProjectionStep step = projection.step(4);
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.event()).isEqualTo("ContestWithdrawn");
                assertThat(row.actor()).isEqualTo(PERSON);
                assertThat(row.reason()).isEqualTo("We talked it through: the offer is enough");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(3)));
            });
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            4,
                            DecisionKind.CONTEST_WITHDRAWAL,
                            day(17),
                            PERSON,
                            Role.PERSON,
                            null,
                            null,
                            "We talked it through: the offer is enough",
                            null,
                            Money.yearly(1_250_000),
                            null,
                            null,
                            null,
                            seconds(days(3))));
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.CONTEST_AWAITING_ANSWER));
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.contests())
                    .containsExactly(new ContestRecord(
                            ID,
                            3,
                            day(14),
                            Money.yearly(1_250_000),
                            Money.yearly(1_400_000),
                            day(17),
                            null,
                            ContestOutcome.WITHDRAWN));
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.OFFERED);
            assertThat(projection.summary(ID).openContest()).isNull();
            assertThat(projection.summary(ID).offeredAmount())
                    .as("the offer stands")
                    .isEqualTo(Money.yearly(1_250_000));
        }

        @Test
        void acceptingLeavesControlWithThePersonSoItIsNoTransfer() {
            var projection =
                    InMemoryProjection.of(offered().after(days(1)).accepted().envelopes());

            assertThat(projection.step(3).trail()).isEmpty();
            assertThat(projection.step(3).decisions()).isEmpty();
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLANNING);
            assertThat(projection.summary(ID).controlSince())
                    .as("still since the offer")
                    .isEqualTo(day(12));
        }

        @Test
        void aReassessmentLapsesTheOpenContest() {
            var projection = InMemoryProjection.of(offered()
                    .contested("Too little", 1_500_000L)
                    .after(days(3))
                    .assessed()
                    .envelopes());

            assertThat(projection.contests()).singleElement().satisfies(contest -> {
                assertThat(contest.outcome()).isEqualTo(ContestOutcome.LAPSED);
                assertThat(contest.endedAt()).isEqualTo(projection.summary(ID).lastEventAt());
            });
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.summary(ID).offeredAmount()).isNull();
        }
    }

    @Nested
    class Plans {

        @Test
        void submittingAPlanOpensItsCycleAndHandsControlToThePractitioner() {
            var projection = InMemoryProjection.of(offered()
                    .after(days(1))
                    .accepted()
                    .after(days(10))
                    .submitted(1_200_000)
                    .envelopes());

            assertThat(projection.step(4).trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.to()).isEqualTo(ControlHolder.PRACTITIONER);
                assertThat(row.reason()).as("within the offer, no exception").isNull();
                assertThat(row.heldForSeconds())
                        .as("since the offer, not the acceptance")
                        .isEqualTo(seconds(days(11)));
            });
            assertThat(projection.plans())
                    .containsExactly(new PlanCycle(
                            ID, 4, day(23), 1_200_000, PlanningApproach.PEER_SUPPORTED, null, null, null));
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLAN_SUBMITTED);
            assertThat(projection.summary(ID).counters().plans()).isEqualTo(1);
        }

        @Test
        void aPlanAboveTheOfferStatesItsExceptionReasonInTheTrail() {
            var projection = InMemoryProjection.of(
                    offered().accepted().submitted(1_300_000).envelopes());

            assertThat(projection.step(4).trail())
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.reason()).isEqualTo("Evening support costs more than the offer allows"));
        }

        @Test
        void anEndorsedPlanWaitsForTheAuthorityWithTheAmountToCommit() {
            var projection = InMemoryProjection.of(endorsed(1_200_000).envelopes());

            ProjectionStep step = projection.step(5);
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            5,
                            DecisionKind.ENDORSEMENT,
                            day(16),
                            PRACTITIONER,
                            Role.PRACTITIONER,
                            null,
                            null,
                            "Sensible and co-produced",
                            null,
                            Money.yearly(1_200_000),
                            null,
                            null,
                            null,
                            null));
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PRACTITIONER);
                assertThat(row.to()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.reason()).isEqualTo("Sensible and co-produced");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(2)));
            });
            assertThat(projection.queue())
                    .as("the offer, 1,250,000, is more than the plan's cost")
                    .containsExactly(new ApprovalQueueEntry(
                            ID,
                            QueueKind.PLAN_AWAITING_DECISION,
                            5,
                            day(16),
                            PERSON_REF,
                            PRACTITIONER,
                            LifecycleEvents.LOCAL_AUTHORITY,
                            1_250_000L,
                            null,
                            null));
            assertThat(projection.plans())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.endorsedAt()).isEqualTo(day(16)));
        }

        @Test
        void aPlanAboveTheOfferWaitsWithItsOwnCost() {
            var projection = InMemoryProjection.of(endorsed(1_600_000).envelopes());

            assertThat(projection.queue())
                    .singleElement()
                    .satisfies(item -> assertThat(item.yearlyPence()).isEqualTo(1_600_000L));
        }

        @Test
        void aReturnIsADecisionWithReasonsThatEndsThePlanCycle() {
            var projection = InMemoryProjection.of(offered()
                    .accepted()
                    .after(days(1))
                    .submitted(1_200_000)
                    .after(days(3))
                    .returned("Say which goal the gym serves")
                    .envelopes());

            ProjectionStep step = projection.step(5);
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.RETURN);
                assertThat(decision.reasons()).isEqualTo("Say which goal the gym serves");
                assertThat(decision.amount()).isEqualTo(Money.yearly(1_200_000));
                assertThat(decision.actor()).isEqualTo(PRACTITIONER);
            });
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("Say which goal the gym serves");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(3)));
            });
            assertThat(step.queue()).as("never endorsed, so never queued").isEmpty();
            assertThat(projection.plans()).singleElement().satisfies(plan -> {
                assertThat(plan.outcome()).isEqualTo(PlanOutcome.RETURNED);
                assertThat(plan.decidedAt()).isEqualTo(step.after().lastEventAt());
            });
            assertThat(projection.summary(ID).counters().returns()).isEqualTo(1);
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLANNING);
        }

        @Test
        void aPersonStatementChangesNothingButTheSequence() {
            var events = endorsed(1_200_000);
            var before = InMemoryProjection.of(events.envelopes()).summary(ID);
            var projection = InMemoryProjection.of(
                    events.statementAdded("I want my own assistant").envelopes());

            ProjectionStep step = projection.step(6);
            assertThat(step.trail()).isEmpty();
            assertThat(step.decisions()).isEmpty();
            assertThat(step.queue()).isEmpty();
            assertThat(step.after().lastSequence()).isEqualTo(6);
            assertThat(step.after())
                    .usingRecursiveComparison()
                    .ignoringFields("lastSequence", "lastEventAt")
                    .isEqualTo(before);
        }

        @Test
        void anApprovalRecordsHowLongThePlanWaitedAndWhetherThePersonTookPartAndSpoke() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .after(days(1))
                    .statementAdded("I want my own assistant")
                    .after(days(3))
                    .approved(1_250_000, null, true)
                    .envelopes());

            ProjectionStep step = projection.step(7);
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            7,
                            DecisionKind.APPROVAL,
                            day(20),
                            AUTHORITY,
                            Role.AUTHORITY,
                            null,
                            null,
                            null,
                            "Keep receipts for the allotment tools",
                            Money.yearly(1_250_000),
                            true,
                            null,
                            true,
                            seconds(days(4))));
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(4)));
            });
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.plans())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.outcome()).isEqualTo(PlanOutcome.APPROVED));
            assertThat(projection.summary(ID).approvedAmount()).isEqualTo(Money.yearly(1_250_000));
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.APPROVED);
        }

        @Test
        void anApprovalAtAVarianceStatesItsReason() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .approved(1_200_000, "The plan costs less than the offer", false)
                    .envelopes());

            assertThat(projection.lastStep().decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.reasons()).isEqualTo("The plan costs less than the offer");
                assertThat(decision.personTookPart()).isFalse();
                assertThat(decision.personStatementAdded()).isFalse();
            });
            assertThat(projection.lastStep().trail())
                    .singleElement()
                    .satisfies(row -> assertThat(row.reason()).isEqualTo("The plan costs less than the offer"));
        }

        @Test
        void aDeclineRecordsReasonsWaitAndTheDecisionsParticipantsAndReturnsThePlanToThePerson() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .after(days(5))
                    .declined("The agency is not registered", false)
                    .envelopes());

            ProjectionStep step = projection.step(6);
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            6,
                            DecisionKind.DECLINE,
                            day(21),
                            AUTHORITY,
                            Role.AUTHORITY,
                            null,
                            null,
                            "The agency is not registered",
                            "person told by LETTER",
                            Money.yearly(1_200_000),
                            false,
                            NotificationMethod.LETTER,
                            false,
                            seconds(days(5))));
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("The agency is not registered");
            });
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.PLAN_AWAITING_DECISION));
            assertThat(projection.plans())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.outcome()).isEqualTo(PlanOutcome.DECLINED));
            assertThat(projection.summary(ID).counters().declines()).isEqualTo(1);
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLANNING);
        }

        @Test
        void aPlanWithdrawnWhileItWaitsForTheAuthorityLeavesTheQueueAndEndsItsCycle() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .after(days(2))
                    .planWithdrawn("My needs changed")
                    .envelopes());

            ProjectionStep step = projection.step(6);
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("My needs changed");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(2)));
            });
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            6,
                            DecisionKind.PLAN_WITHDRAWAL,
                            day(18),
                            PERSON,
                            Role.PERSON,
                            null,
                            null,
                            "My needs changed",
                            null,
                            Money.yearly(1_200_000),
                            null,
                            null,
                            null,
                            null));
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.PLAN_AWAITING_DECISION));
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.plans()).singleElement().satisfies(plan -> {
                assertThat(plan.outcome()).isEqualTo(PlanOutcome.WITHDRAWN);
                assertThat(plan.decidedAt()).isEqualTo(day(18));
            });
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLANNING);
            assertThat(projection.summary(ID).openPlan()).isNull();
        }

        @Test
        void aPlanWithdrawnBeforeThePractitionerAnsweredWasNeverQueued() {
            var projection = InMemoryProjection.of(offered()
                    .accepted()
                    .after(days(1))
                    .submitted(1_200_000)
                    .after(days(1))
                    .planWithdrawn("Not ready yet")
                    .envelopes());

            assertThat(projection.lastStep().trail())
                    .singleElement()
                    .satisfies(row -> assertThat(row.from()).isEqualTo(ControlHolder.PRACTITIONER));
            assertThat(projection.lastStep().queue()).isEmpty();
            assertThat(projection.plans())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.outcome()).isEqualTo(PlanOutcome.WITHDRAWN));
        }

        @Test
        void aReassessmentLapsesAnEndorsedPlanAndTakesItOutOfTheQueue() {
            var projection =
                    InMemoryProjection.of(endorsed(1_200_000).assessed().envelopes());

            assertThat(projection.plans())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.outcome()).isEqualTo(PlanOutcome.LAPSED));
            assertThat(projection.queue()).isEmpty();
        }
    }

    @Nested
    class InUse {

        private LifecycleEvents approved() {
            return endorsed(1_200_000).after(days(3)).approved();
        }

        @Test
        void choosingADirectPaymentIsADecisionThatLeavesControlWithThePerson() {
            var projection = InMemoryProjection.of(
                    approved().managementChosen(ManagementOption.DIRECT_PAYMENT).envelopes());

            assertThat(projection.lastStep().trail()).isEmpty();
            assertThat(projection.lastStep().decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.MANAGEMENT);
                assertThat(decision.outcome()).isEqualTo("DIRECT_PAYMENT");
                assertThat(decision.actor()).isEqualTo(PERSON);
            });
            assertThat(projection.summary(ID).managementOption()).isEqualTo(ManagementOption.DIRECT_PAYMENT);
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.ACTIVE);
        }

        @Test
        void choosingAServiceFundHandsControlToTheProvider() {
            var projection = InMemoryProjection.of(approved()
                    .after(days(2))
                    .managementChosen(ManagementOption.INDIVIDUAL_SERVICE_FUND)
                    .envelopes());

            assertThat(projection.lastStep().trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.to()).isEqualTo(ControlHolder.PROVIDER);
                assertThat(row.event()).isEqualTo("ManagementChosen");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(2)));
            });
            assertThat(projection.lastStep().decisions())
                    .singleElement()
                    .satisfies(decision -> assertThat(decision.detail()).isEqualTo("provider Wellspring Support Ltd"));
        }

        @Test
        void anAdjustmentIsADecisionWithItsKindAndEndAndNoTransfer() {
            Instant endsOn = day(200);
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .adjusted(1_500_000, "More support while distress is high", endsOn)
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail()).isEmpty();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.ADJUSTMENT);
                assertThat(decision.outcome()).isEqualTo("TEMPORARY");
                assertThat(decision.reasons()).isEqualTo("More support while distress is high");
                assertThat(decision.amount()).isEqualTo(Money.yearly(1_500_000));
                assertThat(decision.detail())
                        .isEqualTo("requested by PERSON; effective from " + decision.at() + "; ends on " + endsOn);
            });
            assertThat(projection.summary(ID).approvedAmount()).isEqualTo(Money.yearly(1_500_000));
        }

        @Test
        void anOutcomeChangesNothingButTheSequence() {
            var events = approved().managementChosen(ManagementOption.DIRECT_PAYMENT);
            var before = InMemoryProjection.of(events.envelopes()).summary(ID);
            var projection = InMemoryProjection.of(
                    events.outcomeRecorded("Back at the allotment").envelopes());

            assertThat(projection.lastStep().trail()).isEmpty();
            assertThat(projection.lastStep().decisions()).isEmpty();
            assertThat(projection.lastStep().queue()).isEmpty();
            assertThat(projection.summary(ID))
                    .usingRecursiveComparison()
                    .ignoringFields("lastSequence", "lastEventAt")
                    .isEqualTo(before);
        }

        @Test
        void aScheduledReviewWaitsInTheQueueUntilItsDate() {
            Instant due = day(80);
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, due)
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail()).isEmpty();
            assertThat(step.decisions()).isEmpty();
            assertThat(projection.queue()).singleElement().satisfies(item -> {
                assertThat(item.kind()).isEqualTo(QueueKind.REVIEW);
                assertThat(item.dueBy()).isEqualTo(due);
                assertThat(item.detail()).isEqualTo("INITIAL_LIGHT_TOUCH");
                assertThat(item.since()).isEqualTo(step.after().lastEventAt());
            });
        }

        @Test
        void aReviewThatContinuesIsADecisionAndLeavesTheQueue() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, day(80))
                    .reviewCompleted(ReviewOutcome.CONTINUE, "Going well")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail())
                    .as("the person keeps control of a direct payment")
                    .isEmpty();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.REVIEW);
                assertThat(decision.outcome()).isEqualTo("CONTINUE");
                assertThat(decision.reasons()).isEqualTo("Going well");
                assertThat(decision.personTookPart()).isTrue();
                assertThat(decision.detail()).isEqualTo("INITIAL_LIGHT_TOUCH");
            });
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.REVIEW));
            assertThat(projection.queue()).isEmpty();
        }

        /** A CAPACITY_CHANGE review may be pending beside another: each waits in the queue, and leaves it alone. */
        @Test
        void aCapacityReviewBesideAPendingReviewWaitsApartAndLeavesTheQueueAlone() {
            var both = approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewScheduled(ReviewKind.CAPACITY_CHANGE, day(90));
            assertThat(InMemoryProjection.of(both.envelopes()).queue())
                    .extracting(ApprovalQueueEntry::kind, ApprovalQueueEntry::detail)
                    .containsExactly(
                            tuple(QueueKind.CAPACITY_REVIEW, "CAPACITY_CHANGE"), tuple(QueueKind.REVIEW, "ANNUAL"));

            var projection = InMemoryProjection.of(both.reviewCompleted(ReviewOutcome.CONTINUE, "Capacity regained")
                    .envelopes());

            assertThat(projection.lastStep().decisions())
                    .singleElement()
                    .satisfies(decision -> assertThat(decision.detail()).isEqualTo("CAPACITY_CHANGE"));
            assertThat(projection.queue()).extracting(ApprovalQueueEntry::kind).containsExactly(QueueKind.REVIEW);
            assertThat(projection.summary(ID).capacityReview()).isNull();
            assertThat(projection.summary(ID).pendingReview().kind()).isEqualTo(ReviewKind.ANNUAL);
        }

        /**
         * Every decision that affects the person says whether they took part and how they were told, as its event
         * records it (DOMAIN.md's audit question 2; the research found decisions made without the person).
         */
        @Test
        void everyDecisionThatAffectsThePersonSaysWhetherTheyTookPartAndHowTheyWereTold() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .adjusted(1_400_000, "Crisis support in the evenings", day(60))
                    .suspended("Admitted to hospital")
                    .budgetResumed("Home again")
                    .closed("Moved away")
                    .envelopes());

            assertThat(projection.decisions())
                    .filteredOn(decision -> Set.of(
                                    DecisionKind.OFFER,
                                    DecisionKind.ADJUSTMENT,
                                    DecisionKind.SUSPENSION,
                                    DecisionKind.CLOSURE)
                            .contains(decision.kind()))
                    .hasSize(4)
                    .allSatisfy(decision -> {
                        assertThat(decision.personTookPart())
                                .as(decision.kind().name())
                                .isNotNull();
                        assertThat(decision.personToldBy())
                                .as(decision.kind().name())
                                .isNotNull();
                    });
        }

        /**
         * The contracts' status rule decides here as in budget-service: a review that continues leaves the budget
         * where it was, so one reviewed before management was chosen is still waiting for that choice (this
         * projector once made it ACTIVE, while budget-service kept it APPROVED).
         */
        @Test
        void aReviewThatContinuesLeavesTheStatusWhereItWas() {
            var projection = InMemoryProjection.of(approved()
                    .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, day(80))
                    .reviewCompleted(ReviewOutcome.CONTINUE, "Going well")
                    .envelopes());

            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.APPROVED);
        }

        @Test
        void aReviewThatReplansHandsControlFromTheAuthorityToThePerson() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.COUNCIL_MANAGED)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.REPLAN, "Needs have changed")
                    .envelopes());

            assertThat(projection.lastStep().trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("Needs have changed");
            });
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLANNING);
            assertThat(projection.summary(ID).planInForce())
                    .as("the approved plan stays in force while the next is made")
                    .isTrue();
        }

        /** A replan does not stop the budget: an uplift during it is projected; a review that ends it ends its use. */
        @Test
        void duringAReplanTheApprovedPlanStaysInForceUntilTheNextApproval() {
            var replanning = approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.REPLAN, "Needs have changed")
                    .adjusted(1_400_000, "Crisis support in the evenings", day(60))
                    .submitted(1_300_000);

            var projection = InMemoryProjection.of(replanning.envelopes());
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.PLAN_SUBMITTED);
            assertThat(projection.summary(ID).planInForce()).isTrue();
            assertThat(projection.decisions()).extracting(Decision::kind).contains(DecisionKind.ADJUSTMENT);

            var ended = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.END, "Needs met")
                    .envelopes());
            assertThat(ended.summary(ID).planInForce()).isFalse();
        }

        @Test
        void aReviewThatEndsTheBudgetLeavesItEndingWithTheAuthorityWaitingToCloseIt() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.END, "No longer needed")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.to()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.reason()).isEqualTo("No longer needed");
            });
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.REVIEW);
                assertThat(decision.outcome()).isEqualTo("END");
            });
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.ENDING);
            assertThat(projection.summary(ID).isClosed()).isFalse();
            assertThat(projection.queue())
                    .containsExactly(new ApprovalQueueEntry(
                            ID,
                            QueueKind.ENDING_AWAITING_CLOSURE,
                            step.after().lastSequence(),
                            step.after().lastEventAt(),
                            PERSON_REF,
                            PRACTITIONER,
                            LifecycleEvents.LOCAL_AUTHORITY,
                            null,
                            null,
                            "ANNUAL"));
        }

        @Test
        void closingAnEndingBudgetIsADecisionSayingHowThePersonWasToldAndEmptiesTheQueue() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.END, "No longer needed")
                    .after(days(5))
                    .closed("Needs met without a budget")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.CLOSURE);
                assertThat(decision.reasons()).isEqualTo("Needs met without a budget");
                assertThat(decision.detail()).isEqualTo("person told by LETTER");
                assertThat(decision.actor()).isEqualTo(AUTHORITY);
            });
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.NOBODY);
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(5)));
            });
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.ENDING_AWAITING_CLOSURE));
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.CLOSED);
        }

        @Test
        void anErasureAfterClosureIsADecisionOfTheConfirmingAuthorityNamingTheRequesterAndMovesNoControl() {
            var projection = InMemoryProjection.of(approved()
                    .after(days(5))
                    .closed("Moved away")
                    .after(days(30))
                    .erasureConfirmed("hos-4002")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.ERASURE);
                assertThat(decision.actor()).isEqualTo(AUTHORITY);
                assertThat(decision.detail()).startsWith("requested by hos-4002 at ");
                assertThat(decision.reasons()).isNull();
                assertThat(decision.waitedSeconds()).isEqualTo(seconds(days(1)));
            });
            assertThat(step.trail()).isEmpty();
            assertThat(step.queue()).isEmpty();
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.CLOSED);
            assertThat(projection.summary(ID).controlHolder()).isEqualTo(ControlHolder.NOBODY);
        }

        @Test
        void anEndingBudgetSuspendedThenClosedLeavesNothingWaiting() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.END, "Ends")
                    .suspended("Admitted to hospital")
                    .envelopes());
            assertThat(projection.summary(ID).statusBeforeSuspension()).isEqualTo(BudgetStatus.ENDING);

            var closed = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.END, "Ends")
                    .suspended("Admitted to hospital")
                    .closed("Ended")
                    .envelopes());
            assertThat(closed.queue()).isEmpty();
        }

        @Test
        void aReviewThatEndedTheBudgetBeforeEndingExistedClosesItAsItDidThen() {
            var events = approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .reviewCompleted(ReviewOutcome.END, "No longer needed");
            List<EventEnvelope> envelopes = new ArrayList<>(events.envelopes());
            EventEnvelope last = envelopes.remove(envelopes.size() - 1);
            var ended = (ReviewCompleted) last.event();
            envelopes.add(new EventEnvelope(
                    last.eventId(),
                    ID,
                    last.sequence(),
                    last.timestamp(),
                    new ReviewCompleted(
                            ID,
                            ended.act(),
                            new ControlTransfer(ended.control().before(), ControlHolder.NOBODY),
                            ended.review(),
                            ended.result())));

            var projection = InMemoryProjection.of(envelopes);

            assertThat(projection.lastStep().trail())
                    .singleElement()
                    .satisfies(row -> assertThat(row.to()).isEqualTo(ControlHolder.NOBODY));
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.CLOSED);
            assertThat(projection.summary(ID).closedAt())
                    .isEqualTo(projection.summary(ID).lastEventAt());
            assertThat(projection.queue()).isEmpty();
        }

        @Test
        void aSuspensionIsADecisionThatHandsControlToTheAuthority() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .after(days(20))
                    .suspended("Admitted to hospital")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.SUSPENSION);
                assertThat(decision.reasons()).isEqualTo("Admitted to hospital");
                assertThat(decision.detail()).startsWith("Ward staff meet daily living needs");
            });
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.to()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.reason()).isEqualTo("Admitted to hospital");
            });
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.SUSPENDED);
        }

        @Test
        void resumingASuspendedBudgetIsADecisionThatHandsControlBackToWhoeverManagesIt() {
            var projection = InMemoryProjection.of(approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .suspended("Admitted to hospital")
                    .after(days(30))
                    .budgetResumed("Discharged home")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.RESUMPTION);
                assertThat(decision.reasons()).isEqualTo("Discharged home");
            });
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("Discharged home");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(30)));
            });
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.ACTIVE);
        }
    }

    @Nested
    class DelegationAndAuthorisation {

        @Test
        void aDelegationHandsControlToTheDelegateAndWaitsForItsIntendedEnd() {
            Instant intendedEnd = day(60);
            var projection = InMemoryProjection.of(offered()
                    .after(days(3))
                    .delegated(NOMINEE, Role.NOMINEE, intendedEnd, "While I am in hospital")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.to()).isEqualTo(DELEGATE);
                assertThat(row.reason()).isEqualTo("While I am in hospital");
                assertThat(row.actor()).isEqualTo(PERSON);
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(3)));
            });
            assertThat(projection.queue())
                    .containsExactly(new ApprovalQueueEntry(
                            ID,
                            QueueKind.DELEGATION,
                            3,
                            day(15),
                            PERSON_REF,
                            PRACTITIONER,
                            LifecycleEvents.LOCAL_AUTHORITY,
                            null,
                            intendedEnd,
                            NOMINEE));
            assertThat(projection.delegations())
                    .containsExactly(new DelegationRecord(
                            ID,
                            3,
                            NOMINEE,
                            Role.NOMINEE,
                            DelegationReason.FLUCTUATING_CAPACITY,
                            day(15),
                            intendedEnd,
                            null,
                            null));
            assertThat(projection.summary(ID).counters().delegations()).isEqualTo(1);
        }

        @Test
        void theDelegateActsForThePersonAndTheTrailShowsBoth() {
            var projection = InMemoryProjection.of(offered()
                    .delegated(NOMINEE, Role.NOMINEE, day(60), "While I am in hospital")
                    .contested("My brother says it is too little", 1_400_000L)
                    .envelopes());

            assertThat(projection.lastStep().trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(DELEGATE);
                assertThat(row.to()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.actor()).isEqualTo(NOMINEE);
                assertThat(row.actorRole()).isEqualTo(Role.NOMINEE);
                assertThat(row.onBehalfOf()).isEqualTo(PERSON_REF);
            });
        }

        @Test
        void aDelegationWhileTheAuthorityHoldsControlMovesNothingUntilControlComesToThePerson() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .after(days(1))
                    .delegated(NOMINEE, Role.NOMINEE, day(90), "Crisis")
                    .after(days(2))
                    .approved()
                    .envelopes());

            assertThat(projection.step(6).trail())
                    .as("the authority still decides")
                    .isEmpty();
            assertThat(projection.step(6).queue()).hasSize(1);
            assertThat(projection.step(7).trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(DELEGATE);
                assertThat(row.heldForSeconds()).as("since the endorsement").isEqualTo(seconds(days(3)));
            });
        }

        @Test
        void resumingControlHandsItBackAndShowsHowLongTheDelegateHeldIt() {
            var projection = InMemoryProjection.of(offered()
                    .delegated(NOMINEE, Role.NOMINEE, day(60), "While I am in hospital")
                    .after(days(14))
                    .resumed("Home again")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(DELEGATE);
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.event()).isEqualTo("ControlResumed");
                assertThat(row.reason()).isEqualTo("Home again");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(14)));
            });
            assertThat(step.queue()).containsExactly(new QueueChange.Remove(ID, QueueKind.DELEGATION));
            assertThat(projection.delegations()).singleElement().satisfies(delegation -> {
                assertThat(delegation.endedBy()).isEqualTo(DelegationEnd.RESUMED);
                assertThat(delegation.endedAt()).isEqualTo(step.after().lastEventAt());
            });
            assertThat(projection.summary(ID).openDelegation()).isNull();
        }

        @Test
        void anAuthorisedPersonHoldsThePersonsControlWithTheCapacityAssessmentAsReason() {
            var projection = InMemoryProjection.of(offered()
                    .after(days(4))
                    .authorisedPersonAppointed(AUTHORISED_PERSON, "MCA-2026-0042")
                    .envelopes());

            assertThat(projection.lastStep().trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.to()).isEqualTo(ControlHolder.named(ControlParty.NOMINEE, AUTHORISED_PERSON));
                assertThat(row.reason()).isEqualTo("MCA-2026-0042");
                assertThat(row.actor()).isEqualTo(AUTHORITY);
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(4)));
            });
            assertThat(projection.lastStep().decisions()).isEmpty();
            assertThat(projection.summary(ID).authorisedPerson()).isEqualTo(AUTHORISED_PERSON);
        }

        @Test
        void endingAnAuthorisationHandsControlBackToThePersonWithTheReason() {
            var projection = InMemoryProjection.of(offered()
                    .authorisedPersonAppointed(AUTHORISED_PERSON, "MCA-2026-0042")
                    .after(days(40))
                    .authorisationEnded("Capacity regained")
                    .envelopes());

            assertThat(projection.lastStep().trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.named(ControlParty.NOMINEE, AUTHORISED_PERSON));
                assertThat(row.to()).isEqualTo(ControlHolder.PERSON);
                assertThat(row.reason()).isEqualTo("Capacity regained");
                assertThat(row.heldForSeconds()).isEqualTo(seconds(days(40)));
            });
            assertThat(projection.summary(ID).authorisedPerson()).isNull();
        }
    }

    @Nested
    class CaseloadsAndParties {

        @Test
        void aReallocationIsADecisionWithItsReasonNoTransferAndTheQueueNamesTheNewPractitioner() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .after(days(1))
                    .reallocated("sw-3002", "Sam's social worker moved team")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.trail()).as("control stays where it is").isEmpty();
            assertThat(step.decisions())
                    .containsExactly(new Decision(
                            ID,
                            6,
                            DecisionKind.REALLOCATION,
                            day(17),
                            AUTHORITY,
                            Role.AUTHORITY,
                            null,
                            null,
                            "Sam's social worker moved team",
                            "from " + PRACTITIONER + " to sw-3002",
                            null,
                            null,
                            null,
                            null,
                            null));
            assertThat(step.queue()).containsExactly(new QueueChange.Reallocate(ID, "sw-3002"));
            assertThat(projection.queue()).singleElement().satisfies(item -> {
                assertThat(item.kind()).isEqualTo(QueueKind.PLAN_AWAITING_DECISION);
                assertThat(item.allocatedPractitioner()).isEqualTo("sw-3002");
                assertThat(item.since())
                        .as("still waiting since the endorsement")
                        .isEqualTo(day(16));
            });
            assertThat(projection.summary(ID).allocatedPractitioner()).isEqualTo("sw-3002");
            assertThat(projection.summary(ID).parties().allocatedPractitioner()).isEqualTo("sw-3002");
        }

        @Test
        void theQueueItemsOfLaterEventsNameThePractitionerOfTheirTime() {
            var projection = InMemoryProjection.of(offered()
                    .reallocated("sw-3002", "Moved team")
                    .contested("Too little", null)
                    .envelopes());

            assertThat(projection.queue())
                    .singleElement()
                    .satisfies(item -> assertThat(item.allocatedPractitioner()).isEqualTo("sw-3002"));
        }

        @Test
        void thePartiesAreThoseOfTheContractsControlStateAfterEveryEvent() {
            List<LifecycleEvents> lives = List.of(
                    LifecycleEvents.everyEventType(ID.value()),
                    endorsed(1_200_000)
                            .delegated("sw-3009", Role.PRACTITIONER, day(60), "Crisis")
                            .authorisedPersonAppointed(AUTHORISED_PERSON, "MCA-1")
                            .closed("Moved away"));
            for (LifecycleEvents life : lives) {
                var projection = new InMemoryProjection();
                ControlState control = ControlState.INITIAL;
                for (EventEnvelope envelope : life.envelopes()) {
                    projection.apply(envelope);
                    control = ControlRule.after(control, envelope.event());
                    var parties = projection.summary(ID).parties();
                    assertThat(parties.delegate())
                            .as("after %s", envelope.eventType())
                            .isEqualTo(control.delegate());
                    assertThat(parties.authorisedPerson())
                            .as("after %s", envelope.eventType())
                            .isEqualTo(control.authorisedPerson());
                    assertThat(parties.council()).isEqualTo(LifecycleEvents.LOCAL_AUTHORITY);
                    assertThat(parties.person()).isEqualTo(PERSON_REF);
                }
            }
        }
    }

    @Nested
    class Closing {

        @Test
        void closingIsADecisionThatEndsControlAndEverythingWaiting() {
            var projection = InMemoryProjection.of(endorsed(1_200_000)
                    .delegated(NOMINEE, Role.NOMINEE, day(60), "Crisis")
                    .after(days(2))
                    .closed("Moved to another council")
                    .envelopes());

            ProjectionStep step = projection.lastStep();
            assertThat(step.decisions()).singleElement().satisfies(decision -> {
                assertThat(decision.kind()).isEqualTo(DecisionKind.CLOSURE);
                assertThat(decision.reasons()).isEqualTo("Moved to another council");
            });
            assertThat(step.trail()).singleElement().satisfies(row -> {
                assertThat(row.from()).isEqualTo(ControlHolder.AUTHORITY);
                assertThat(row.to()).isEqualTo(ControlHolder.NOBODY);
                assertThat(row.reason()).isEqualTo("Moved to another council");
            });
            assertThat(step.queue())
                    .containsExactlyInAnyOrder(
                            new QueueChange.Remove(ID, QueueKind.PLAN_AWAITING_DECISION),
                            new QueueChange.Remove(ID, QueueKind.DELEGATION));
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.plans())
                    .singleElement()
                    .satisfies(plan -> assertThat(plan.outcome()).isEqualTo(PlanOutcome.LAPSED));
            assertThat(projection.delegations())
                    .singleElement()
                    .satisfies(delegation -> assertThat(delegation.endedBy()).isEqualTo(DelegationEnd.CLOSED));
            assertThat(projection.summary(ID).closedAt()).isEqualTo(step.after().lastEventAt());
            assertThat(projection.summary(ID).isClosed()).isTrue();
        }

        @Test
        void closingLapsesAWaitingContestAndReview() {
            var contested = InMemoryProjection.of(
                    offered().contested("Too little", null).closed("Died").envelopes());
            assertThat(contested.contests())
                    .singleElement()
                    .satisfies(contest -> assertThat(contest.outcome()).isEqualTo(ContestOutcome.LAPSED));
            assertThat(contested.queue()).isEmpty();

            var reviewed = InMemoryProjection.of(endorsed(1_200_000)
                    .approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .reviewScheduled(ReviewKind.ANNUAL, day(300))
                    .closed("Moved away")
                    .envelopes());
            assertThat(reviewed.queue()).isEmpty();
            assertThat(reviewed.summary(ID).pendingReview()).isNull();
        }
    }

    @Nested
    class WholeLives {

        private final LifecycleEvents life = LifecycleEvents.fullLifecycle(ID.value());

        @Test
        void aWholeLifeHasEveryEventType() {
            assertThat(life.events().stream()
                            .map(event -> event.getClass().getSimpleName())
                            .collect(Collectors.toSet()))
                    .hasSize(24);
            assertThat(LifecycleEvents.everyEventType(ID.value()).events().stream()
                            .map(BudgetEvent::getClass)
                            .collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(BudgetEventTypes.ALL);
        }

        @Test
        void aLifeWithEveryEventTypeGivesItsDecisionsInOrder() {
            var projection = InMemoryProjection.of(
                    LifecycleEvents.everyEventType(ID.value()).envelopes());

            assertThat(projection.decisions())
                    .extracting(Decision::kind)
                    .containsExactly(
                            DecisionKind.OFFER,
                            DecisionKind.CONTEST_WITHDRAWAL,
                            DecisionKind.REVISION,
                            DecisionKind.PLAN_WITHDRAWAL,
                            DecisionKind.RETURN,
                            DecisionKind.ENDORSEMENT,
                            DecisionKind.DECLINE,
                            DecisionKind.ENDORSEMENT,
                            DecisionKind.REALLOCATION,
                            DecisionKind.APPROVAL,
                            DecisionKind.MANAGEMENT,
                            DecisionKind.ADJUSTMENT,
                            DecisionKind.SUSPENSION,
                            DecisionKind.RESUMPTION,
                            DecisionKind.CHALLENGE,
                            DecisionKind.CHALLENGE_ANSWER,
                            DecisionKind.PREFERRED_CONTROL,
                            DecisionKind.REVIEW,
                            DecisionKind.CLOSURE,
                            DecisionKind.ERASURE);
            assertThat(projection.queue()).isEmpty();
            assertThat(projection.summary(ID).status()).isEqualTo(BudgetStatus.CLOSED);
            assertThat(projection.summary(ID).allocatedPractitioner()).isEqualTo("sw-3002");
        }

        @Test
        void theTrailHasARowExactlyForEachTransferAndEachRowStartsWhereTheLastEnded() {
            var projection = InMemoryProjection.of(life.envelopes());
            List<ControlTrailEntry> trail = projection.trail();

            List<EventEnvelope> transfers = life.envelopes().stream()
                    .filter(envelope -> envelope.event().control().isTransfer())
                    .toList();
            assertThat(trail)
                    .extracting(ControlTrailEntry::sequence)
                    .containsExactlyElementsOf(
                            transfers.stream().map(EventEnvelope::sequence).toList());
            for (int i = 0; i < trail.size(); i++) {
                ControlTransfer control = transfers.get(i).event().control();
                assertThat(trail.get(i).from()).isEqualTo(control.before());
                assertThat(trail.get(i).to()).isEqualTo(control.after());
                if (i > 0) {
                    assertThat(trail.get(i).from()).isEqualTo(trail.get(i - 1).to());
                    assertThat(trail.get(i).heldForSeconds())
                            .isEqualTo(seconds(Duration.between(
                                    trail.get(i - 1).at(), trail.get(i).at())));
                }
            }
            assertThat(trail).hasSize(20);
            assertThat(trail.get(trail.size() - 1).to()).isEqualTo(ControlHolder.NOBODY);
        }

        @Test
        void aWholeLifeGivesItsDecisionsInOrder() {
            assertThat(InMemoryProjection.of(life.envelopes()).decisions())
                    .extracting(Decision::kind)
                    .containsExactly(
                            DecisionKind.OFFER,
                            DecisionKind.REVISION,
                            DecisionKind.RETURN,
                            DecisionKind.ENDORSEMENT,
                            DecisionKind.DECLINE,
                            DecisionKind.ENDORSEMENT,
                            DecisionKind.APPROVAL,
                            DecisionKind.MANAGEMENT,
                            DecisionKind.REVIEW,
                            DecisionKind.ADJUSTMENT,
                            DecisionKind.SUSPENSION,
                            DecisionKind.RESUMPTION,
                            DecisionKind.CLOSURE);
        }

        @Test
        void projectionIsDeterministic() {
            var first = InMemoryProjection.of(life.envelopes());
            var second = InMemoryProjection.of(life.envelopes());

            assertThat(second.summaries()).isEqualTo(first.summaries());
            assertThat(second.trail()).isEqualTo(first.trail());
            assertThat(second.decisions()).isEqualTo(first.decisions());
            assertThat(second.plans()).isEqualTo(first.plans());
            assertThat(second.contests()).isEqualTo(first.contests());
            assertThat(second.delegations()).isEqualTo(first.delegations());
            EventEnvelope sixth = life.envelopes().get(5);
            BudgetSummary afterFive =
                    InMemoryProjection.of(life.envelopes().subList(0, 5)).summary(ID);
            assertThat(new BudgetProjector().project(afterFive, sixth))
                    .isEqualTo(new BudgetProjector().project(afterFive, sixth));
        }

        @Test
        void heldForCountsWholeSecondsRoundedDownFromTheLastTransferNotTheLastEvent() {
            var events = budget().opened()
                    .after(Duration.ofMillis(90_999))
                    .assessed()
                    .after(Duration.ofHours(1))
                    .offered(1_000_000)
                    .after(Duration.ofMinutes(1))
                    .accepted()
                    .after(Duration.ofMillis(1_500))
                    .contested("x", null);
            var trail = InMemoryProjection.of(events.envelopes()).trail();

            assertThat(trail).extracting(ControlTrailEntry::heldForSeconds).containsExactly(null, 90L, 3_600L, 61L);
        }

        @Test
        void timesAreKeptToTheMicrosecondAsTheDatabasesKeepThem() {
            Instant precise = Instant.parse("2026-01-05T09:00:00.123456789Z");
            BudgetEvent opened = new BudgetOpened(
                    ID,
                    new Act(PRACTITIONER, Role.PRACTITIONER, null, precise),
                    new ControlTransfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                    new BudgetOpening(PERSON_REF, "Leeds", null));

            ProjectionStep step = new BudgetProjector().project(null, new EventEnvelope("e", ID, 0, precise, opened));

            assertThat(step.after().openedAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00.123456Z"));
            assertThat(step.trail().get(0).at()).isEqualTo(Instant.parse("2026-01-05T09:00:00.123456Z"));
        }
    }
}
