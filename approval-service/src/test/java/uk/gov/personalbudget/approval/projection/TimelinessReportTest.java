package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The timeliness report over March 2026 ({@code [1 March, 1 April)}), from clocks written by hand, with due moments,
 * starts and stops on both sides of each boundary.
 */
class TimelinessReportTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final TimelinessThresholds DEFAULTS = new TimelinessThresholds(null, null);

    private final List<TimelinessClock> clocks = new ArrayList<>();

    private void clock(String budget, ClockKind kind, Instant started, Instant due, Instant ended, ClockEnd end) {
        clocks.add(new TimelinessClock(new BudgetId(budget), kind, clocks.size(), "leeds", started, due, ended, end));
    }

    private TimelinessReport.Duty duty(TimelinessReport report, ClockKind kind) {
        return report.duties().stream()
                .filter(duty -> duty.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aDutyIsMissedWhenItsDueMomentFallsInTheRangeWhileItRuns() {
        Instant start = FROM.minus(Duration.ofDays(60));
        clock("DUE-BEFORE", ClockKind.ANNUAL_REVIEW, start, FROM.minusSeconds(1), null, null);
        clock("DUE-AT-FROM", ClockKind.ANNUAL_REVIEW, start, FROM, null, null);
        clock("DUE-IN", ClockKind.ANNUAL_REVIEW, start, FROM.plus(DAY), FROM.plus(DAY.multipliedBy(3)), ClockEnd.MET);
        clock("MET-AT-DUE", ClockKind.ANNUAL_REVIEW, start, FROM.plus(DAY), FROM.plus(DAY), ClockEnd.MET);
        clock("LAPSED-FIRST", ClockKind.ANNUAL_REVIEW, start, FROM.plus(DAY), FROM, ClockEnd.LAPSED);
        clock("DUE-AT-TO", ClockKind.ANNUAL_REVIEW, start, TO, null, null);

        var duty = duty(TimelinessReport.compute(clocks, DEFAULTS, FROM, TO, LATER), ClockKind.ANNUAL_REVIEW);

        assertThat(duty.missed()).isEqualTo(2);
        assertThat(duty.overdue())
                .extracting(o -> o.budgetId().value(), TimelinessReport.OverdueDuty::endedAt, o -> o.overdueSeconds())
                .containsExactly(
                        tuple("DUE-AT-FROM", null, Duration.between(FROM, TO).toSeconds()),
                        tuple(
                                "DUE-IN",
                                FROM.plus(DAY.multipliedBy(3)),
                                DAY.multipliedBy(2).toSeconds()));
        assertThat(duty.metInTime()).as("met at its due moment").isEqualTo(1);
        assertThat(duty.metLate()).isEqualTo(1);
        assertThat(duty.started()).isZero();
    }

    @Test
    void clocksMetInTheRangeGiveTheMedianAndNinetiethPercentileWhenEverTheyStarted() {
        for (int days = 1; days <= 10; days++) {
            Instant met = FROM.plus(DAY.multipliedBy(days));
            clock("M" + days, ClockKind.MONEY_IN_PLACE, met.minus(DAY.multipliedBy(days)), null, met, ClockEnd.MET);
        }
        clock(
                "BEFORE",
                ClockKind.MONEY_IN_PLACE,
                FROM.minus(DAY.multipliedBy(90)),
                null,
                FROM.minusSeconds(1),
                ClockEnd.MET);
        clock("AT-TO", ClockKind.MONEY_IN_PLACE, FROM, null, TO, ClockEnd.MET);
        clock("LAPSED", ClockKind.MONEY_IN_PLACE, FROM, null, FROM.plus(DAY), ClockEnd.LAPSED);

        var duty = duty(TimelinessReport.compute(clocks, DEFAULTS, FROM, TO, LATER), ClockKind.MONEY_IN_PLACE);

        assertThat(duty.met()).isEqualTo(10);
        assertThat(duty.medianSeconds())
                .as("5th of 10")
                .isEqualTo(DAY.multipliedBy(5).toSeconds());
        assertThat(duty.p90Seconds())
                .as("9th of 10")
                .isEqualTo(DAY.multipliedBy(9).toSeconds());
        assertThat(duty.missed()).as("never due").isZero();
        assertThat(duty.started()).as("all but BEFORE started at 'from'").isEqualTo(12);
    }

    @Test
    void offersAndDecisionsFallDueAfterTheirCouncilsThreshold() {
        var thresholds = new TimelinessThresholds(
                null, Map.of("bristol", new TimelinessThresholds.Thresholds(null, Duration.ofDays(5), null)));
        clocks.add(new TimelinessClock(new BudgetId("LEEDS"), ClockKind.DECISION, 1, "leeds", FROM, null, null, null));
        clocks.add(
                new TimelinessClock(new BudgetId("BRISTOL"), ClockKind.DECISION, 1, "bristol", FROM, null, null, null));
        Instant asOf = FROM.plus(DAY.multipliedBy(10));

        var duty = duty(TimelinessReport.compute(clocks, thresholds, FROM, TO, asOf), ClockKind.DECISION);

        assertThat(duty.overdue())
                .extracting(o -> o.budgetId().value(), TimelinessReport.OverdueDuty::dueBy)
                .as("Leeds keeps the default 14 days, not yet passed on day 10; Bristol's 5 days have")
                .containsExactly(tuple("BRISTOL", FROM.plus(DAY.multipliedBy(5))));
    }

    @Test
    void timeSuspendedIsClippedToTheRangeAndNothingAfterTheReportsMomentIsSeen() {
        Instant asOf = FROM.plus(DAY.multipliedBy(20));
        clock("BEFORE", ClockKind.SUSPENSION, FROM.minus(DAY.multipliedBy(10)), null, FROM.minus(DAY), ClockEnd.MET);
        clock(
                "ACROSS-FROM",
                ClockKind.SUSPENSION,
                FROM.minus(DAY.multipliedBy(10)),
                null,
                FROM.plus(DAY),
                ClockEnd.MET);
        clock(
                "RESUMED-LATER",
                ClockKind.SUSPENSION,
                FROM.plus(DAY.multipliedBy(15)),
                null,
                asOf.plus(DAY),
                ClockEnd.MET);
        clock("AFTER", ClockKind.SUSPENSION, asOf, null, null, null);

        var suspensions =
                TimelinessReport.compute(clocks, DEFAULTS, FROM, TO, asOf).suspensions();

        assertThat(suspensions.started()).isEqualTo(1);
        assertThat(suspensions.budgets()).isEqualTo(2);
        assertThat(suspensions.suspendedSeconds()).isEqualTo(DAY.multipliedBy(6).toSeconds());
        assertThat(suspensions.suspensions())
                .extracting(
                        s -> s.budgetId().value(),
                        TimelinessReport.SuspensionInRange::secondsInRange,
                        TimelinessReport.SuspensionInRange::suspendedAtEnd)
                .containsExactly(
                        tuple("ACROSS-FROM", DAY.toSeconds(), false),
                        tuple("RESUMED-LATER", DAY.multipliedBy(5).toSeconds(), true));
    }

    @Test
    void theThresholdsOfACouncilFallBackToTheDefaultsOneByOne() {
        var thresholds = new TimelinessThresholds(
                new TimelinessThresholds.Thresholds(Duration.ofDays(20), null, null),
                Map.of("bristol", new TimelinessThresholds.Thresholds(null, Duration.ofDays(5), null)));

        assertThat(thresholds.of("bristol"))
                .isEqualTo(new TimelinessThresholds.Thresholds(
                        Duration.ofDays(20), Duration.ofDays(5), Duration.ofDays(28)));
        assertThat(thresholds.of("leeds"))
                .isEqualTo(new TimelinessThresholds.Thresholds(
                        Duration.ofDays(20), Duration.ofDays(14), Duration.ofDays(28)));
        assertThat(new TimelinessThresholds(null, null).of("york")).isEqualTo(TimelinessThresholds.DEFAULTS);
    }
}
