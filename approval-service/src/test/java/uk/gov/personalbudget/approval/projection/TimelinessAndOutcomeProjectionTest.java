package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.control.ReviewDeadlines;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the projector records for the timeliness queue and report (each budget's clocks) and for the outcomes and
 * co-production reports, rule by rule.
 */
class TimelinessAndOutcomeProjectionTest {

    private static final Duration DAY = Duration.ofDays(1);

    private static LifecycleEvents approvedBudget() {
        return LifecycleEvents.budget("PB-1")
                .opened()
                .after(DAY)
                .assessed()
                .after(DAY)
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(null)
                .after(DAY)
                .approved();
    }

    private static List<TimelinessClock> clocks(LifecycleEvents events, ClockKind kind) {
        return InMemoryProjection.of(events.envelopes()).clocks().stream()
                .filter(clock -> clock.kind() == kind)
                .toList();
    }

    private static Instant at(LifecycleEvents events, long sequence) {
        return events.envelopes().get((int) sequence).event().act().occurredAt();
    }

    @Test
    void anEligibleAssessmentWaitsForAnOfferUntilTheOfferIsMade() {
        var events = LifecycleEvents.budget("PB-1").opened().after(DAY).assessed();
        assertThat(clocks(events, ClockKind.OFFER)).singleElement().satisfies(clock -> {
            assertThat(clock.running()).isTrue();
            assertThat(clock.startedAt()).isEqualTo(at(events, 1));
            assertThat(clock.dueBy())
                    .as("the council's threshold decides, when read")
                    .isNull();
        });

        events.after(Duration.ofDays(30)).offered(1_000_000);

        assertThat(clocks(events, ClockKind.OFFER))
                .extracting(TimelinessClock::endedAt, TimelinessClock::end)
                .containsExactly(tuple(at(events, 2), ClockEnd.MET));
    }

    @Test
    void aReassessmentRestartsTheWaitForAnOffer() {
        var events =
                LifecycleEvents.budget("PB-1").opened().assessed().after(DAY).assessed();

        assertThat(clocks(events, ClockKind.OFFER))
                .extracting(TimelinessClock::sequence, TimelinessClock::end)
                .containsExactly(tuple(1L, ClockEnd.LAPSED), tuple(2L, null));
    }

    @Test
    void anEndorsedPlanWaitsForADecisionThatMeetsIt() {
        var events = approvedBudget();

        assertThat(clocks(events, ClockKind.DECISION))
                .extracting(TimelinessClock::sequence, TimelinessClock::end, TimelinessClock::endedAt)
                .containsExactly(tuple(5L, ClockEnd.MET, at(events, 6)));
    }

    @Test
    void aWithdrawnPlanLapsesItsWaitForADecision() {
        var events = LifecycleEvents.budget("PB-1")
                .opened()
                .assessed()
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(null)
                .planWithdrawn("I want to think again");

        assertThat(clocks(events, ClockKind.DECISION))
                .extracting(TimelinessClock::end)
                .containsExactly(ClockEnd.LAPSED);
    }

    @Test
    void approvalStartsTheLightTouchAndYearlyReviewWindowsFromTheSharedDeadlines() {
        var events = approvedBudget();
        Instant approved = at(events, 6);

        assertThat(clocks(events, ClockKind.INITIAL_REVIEW))
                .extracting(TimelinessClock::dueBy, TimelinessClock::running)
                .containsExactly(tuple(approved.plus(ReviewDeadlines.INITIAL_LATEST), true));
        assertThat(clocks(events, ClockKind.ANNUAL_REVIEW))
                .extracting(TimelinessClock::dueBy, TimelinessClock::running)
                .containsExactly(tuple(approved.plus(ReviewDeadlines.ANNUAL), true));
    }

    @Test
    void aCompletedReviewMeetsTheReviewDutiesAndTheYearlyOneRunsAgainFromIt() {
        var events = approvedBudget()
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .after(Duration.ofDays(50))
                .reviewScheduled(
                        ReviewKind.INITIAL_LIGHT_TOUCH, at(approvedBudget(), 6).plus(Duration.ofDays(55)))
                .after(DAY)
                .reviewCompleted(ReviewOutcome.CONTINUE, "Going well");
        Instant reviewed = events.lastAt();

        assertThat(clocks(events, ClockKind.INITIAL_REVIEW))
                .extracting(TimelinessClock::end, TimelinessClock::endedAt)
                .containsExactly(tuple(ClockEnd.MET, reviewed));
        assertThat(clocks(events, ClockKind.DIRECT_PAYMENT_REVIEW))
                .extracting(TimelinessClock::end, TimelinessClock::endedAt)
                .containsExactly(tuple(ClockEnd.MET, reviewed));
        assertThat(clocks(events, ClockKind.ANNUAL_REVIEW))
                .extracting(TimelinessClock::startedAt, TimelinessClock::dueBy, TimelinessClock::end)
                .containsExactly(
                        tuple(at(events, 6), at(events, 6).plus(ReviewDeadlines.ANNUAL), ClockEnd.MET),
                        tuple(reviewed, reviewed.plus(ReviewDeadlines.ANNUAL), null));
    }

    @Test
    void theApprovalOfAReplanRestartsTheLightTouchWindowButNotTheYearlyOneAfterAReview() {
        var events = approvedBudget()
                .managementChosen(ManagementOption.COUNCIL_MANAGED)
                .after(Duration.ofDays(40))
                .reviewScheduled(ReviewKind.REQUESTED, at(approvedBudget(), 6).plus(Duration.ofDays(45)))
                .reviewCompleted(ReviewOutcome.REPLAN, "A new plan")
                .after(DAY)
                .submitted(1_000_000)
                .endorsed(null)
                .approved();
        Instant reapproved = events.lastAt();

        assertThat(clocks(events, ClockKind.INITIAL_REVIEW))
                .extracting(TimelinessClock::dueBy, TimelinessClock::end)
                .containsExactly(
                        tuple(at(events, 6).plus(ReviewDeadlines.INITIAL_LATEST), ClockEnd.MET),
                        tuple(reapproved.plus(ReviewDeadlines.INITIAL_LATEST), null));
        assertThat(clocks(events, ClockKind.ANNUAL_REVIEW))
                .filteredOn(TimelinessClock::running)
                .extracting(TimelinessClock::startedAt)
                .as("a year from the review, as budget-service's ReviewWindows counts it")
                .containsExactly(at(events, 9));
    }

    @Test
    void theDirectPaymentReviewCountsFromTheDirectPaymentsStartNotFromApproval() {
        var events = approvedBudget()
                .managementChosen(ManagementOption.COUNCIL_MANAGED)
                .after(Duration.ofDays(200))
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .after(DAY)
                .managementChosen(ManagementOption.DIRECT_PAYMENT);
        Instant directPaymentStart = at(events, 8);

        assertThat(clocks(events, ClockKind.DIRECT_PAYMENT_REVIEW))
                .extracting(TimelinessClock::startedAt, TimelinessClock::dueBy, TimelinessClock::running)
                .containsExactly(
                        tuple(directPaymentStart, directPaymentStart.plus(ReviewDeadlines.DIRECT_PAYMENT), true));

        events.managementChosen(ManagementOption.COUNCIL_MANAGED);

        assertThat(clocks(events, ClockKind.DIRECT_PAYMENT_REVIEW))
                .extracting(TimelinessClock::end)
                .as("the direct payment stopped")
                .containsExactly(ClockEnd.LAPSED);
    }

    @Test
    void aSuspensionRunsUntilTheBudgetResumesOrAReviewReplans() {
        var events = approvedBudget()
                .managementChosen(ManagementOption.COUNCIL_MANAGED)
                .suspended("In hospital")
                .after(Duration.ofDays(10))
                .budgetResumed("Home")
                .suspended("In hospital again")
                .reviewScheduled(ReviewKind.REQUESTED, at(approvedBudget(), 6).plus(Duration.ofDays(30)))
                .reviewCompleted(ReviewOutcome.REPLAN, "A plan for after hospital");

        assertThat(clocks(events, ClockKind.SUSPENSION))
                .extracting(TimelinessClock::sequence, TimelinessClock::end, TimelinessClock::endedAt)
                .containsExactly(tuple(8L, ClockEnd.MET, at(events, 9)), tuple(10L, ClockEnd.MET, at(events, 12)));
    }

    @Test
    void theMoneyIsInPlaceAtTheFirstChoiceOfManagement() {
        var events = approvedBudget()
                .after(Duration.ofDays(4))
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .managementChosen(ManagementOption.MIXED);

        assertThat(clocks(events, ClockKind.MONEY_IN_PLACE))
                .extracting(TimelinessClock::startedAt, TimelinessClock::endedAt, TimelinessClock::end)
                .containsExactly(tuple(at(events, 0), at(events, 7), ClockEnd.MET));
    }

    @Test
    void closingLapsesEveryClockStillRunning() {
        var events = approvedBudget().suspended("Moving away").closed("Moved to another council");

        assertThat(InMemoryProjection.of(events.envelopes()).clocks())
                .filteredOn(TimelinessClock::running)
                .isEmpty();
        assertThat(clocks(events, ClockKind.SUSPENSION))
                .extracting(TimelinessClock::end)
                .containsExactly(ClockEnd.LAPSED);
        assertThat(clocks(events, ClockKind.MONEY_IN_PLACE))
                .extracting(TimelinessClock::end)
                .containsExactly(ClockEnd.LAPSED);
    }

    @Test
    void anOutcomeCarriesHowThePlanInForceWasMadeAndHowTheBudgetIsManaged() {
        var events = LifecycleEvents.budget("PB-1")
                .opened()
                .assessed()
                .outcomeRecorded("Before any plan")
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(null)
                .approved()
                .outcomeRecorded("Approved, not yet managed")
                .managementChosen(ManagementOption.INDIVIDUAL_SERVICE_FUND)
                .outcomeRecorded("With the service fund");

        assertThat(InMemoryProjection.of(events.envelopes()).outcomes())
                .extracting(
                        OutcomeRecord::sequence,
                        OutcomeRecord::domain,
                        OutcomeRecord::recoveryGoalId,
                        OutcomeRecord::planMadeBy,
                        OutcomeRecord::managementOption)
                .containsExactly(
                        tuple(2L, OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS, "G1", null, null),
                        tuple(
                                8L,
                                OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS,
                                "G1",
                                PlanningApproach.PEER_SUPPORTED,
                                null),
                        tuple(
                                10L,
                                OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS,
                                "G1",
                                PlanningApproach.PEER_SUPPORTED,
                                ManagementOption.INDIVIDUAL_SERVICE_FUND));
    }

    @Test
    void theAssessmentAndThePersonsActsAreRecordedWithWhoActedForThePerson() {
        var events = LifecycleEvents.budget("PB-1")
                .opened()
                .assessed()
                .offered(1_000_000)
                .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, LifecycleEvents.START.plus(Duration.ofDays(9)), "Ill")
                .accepted()
                .resumed("Better")
                .submitted(1_000_000);
        var projection = InMemoryProjection.of(events.envelopes());

        assertThat(projection.assessments())
                .extracting(AssessmentRecord::kind, AssessmentRecord::eligible)
                .containsExactly(tuple(AssessmentKind.CO_PRODUCED, true));
        assertThat(projection.acts())
                .extracting(PersonAct::eventType, PersonAct::actorRole, PersonAct::onBehalf)
                .as("the practitioner's and the authority's own acts are not the person's")
                .contains(tuple("OfferAccepted", Role.NOMINEE, true), tuple("PlanSubmitted", Role.PERSON, false))
                .doesNotContain(tuple("BudgetOffered", Role.AUTHORITY, false));
        assertThat(projection.acts()).extracting(PersonAct::eventType).doesNotContain("BudgetOffered", "BudgetOpened");
    }
}
