package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether the council met its duties in time over a range of dates: reviews within their statutory windows (contracts
 * {@code ReviewDeadlines}), offers and decisions within the council's thresholds, how long budgets stayed suspended,
 * and how long from opening until the money was in place. Each is read from the budgets' {@link TimelinessClock}s.
 *
 * <h2>The range</h2>
 * As the control summary: {@code [from, end)}, {@code end} the earlier of {@code to} and the moment the report is made.
 * Each figure counts what happened in the range: a clock by when it started, stopped or fell due, and time suspended
 * clipped to the range.
 *
 * <h2>The figures, for each kind of clock ({@link Duty})</h2>
 * <dl>
 * <dt>{@code started}, {@code met}</dt><dd>Clocks started in the range; clocks met in the range (what they waited for
 * happened: the review, offer, decision, resumption, money in place), whenever they started.</dd>
 * <dt>{@code medianSeconds}, {@code p90Seconds}</dt><dd>Of the clocks met in the range, from start to that moment, by
 * the nearest-rank method as the control summary; null when none was met. For MONEY_IN_PLACE: from opening to the
 * first choice of management (median and 90th percentile of time to money in place).</dd>
 * <dt>{@code missed}</dt><dd>Clocks whose due moment fell in the range while they were running (not met or lapsed by
 * then). {@code metInTime} and {@code metLate}: clocks met in the range, by whether at or before their due moment
 * (MONEY_IN_PLACE, never due, always in time).</dd>
 * <dt>{@code overdue}</dt><dd>Each missed clock of the range, as {@link OverdueDuty}: how long past due, until it stopped or
 * until the report's end.</dd>
 * </dl>
 * Due moments: a light-touch review 8 weeks after each approval, a direct payment review 6 months after the direct
 * payment's start, an annual review a year after the last review (or the approval before any): a review of any kind
 * completed meets each review duty running. An offer, a decision and a suspension fall due after the council's
 * thresholds ({@link TimelinessThresholds}). MONEY_IN_PLACE never falls due.
 *
 * <h2>Suspensions</h2>
 * {@link Suspensions}: each budget suspended at some moment of the range, with the time it was suspended in the range
 * (clipped), and whether it still was at the end.
 */
public record TimelinessReport(Instant from, Instant to, Instant end, List<Duty> duties, Suspensions suspensions) {

    public record Duty(
            ClockKind kind,
            int started,
            int met,
            Long medianSeconds,
            Long p90Seconds,
            int missed,
            int metInTime,
            int metLate,
            List<OverdueDuty> overdue) {}

    /**
     * A clock that fell due in the range while running.
     *
     * @param endedAt when it stopped, if before the report's end; null if it was still running then
     * @param end     how it stopped, under the same condition
     */
    public record OverdueDuty(
            BudgetId budgetId,
            ClockKind kind,
            long sequence,
            String localAuthority,
            Instant startedAt,
            Instant dueBy,
            Instant endedAt,
            ClockEnd end,
            long overdueSeconds) {}

    public record Suspensions(int started, int budgets, long suspendedSeconds, List<SuspensionInRange> suspensions) {}

    /** One suspension overlapping the range; {@code secondsInRange} clipped to it. */
    public record SuspensionInRange(
            BudgetId budgetId,
            long sequence,
            Instant since,
            Instant endedAt,
            long secondsInRange,
            boolean suspendedAtEnd) {}

    /** The report over {@code [from, min(to, asOf))} from {@code clocks} (which may cover more). */
    public static TimelinessReport compute(
            List<TimelinessClock> clocks, TimelinessThresholds thresholds, Instant from, Instant to, Instant asOf) {
        ReportRange range = ReportRange.of(from, to, asOf);
        List<Duty> duties = new ArrayList<>();
        for (ClockKind kind : ClockKind.values()) {
            duties.add(duty(kind, clocks.stream().filter(c -> c.kind() == kind).toList(), thresholds, range));
        }
        return new TimelinessReport(
                from,
                to,
                range.end(),
                List.copyOf(duties),
                suspensions(
                        clocks.stream()
                                .filter(c -> c.kind() == ClockKind.SUSPENSION)
                                .toList(),
                        range));
    }

    private static Duty duty(
            ClockKind kind, List<TimelinessClock> clocks, TimelinessThresholds thresholds, ReportRange range) {
        int started = 0;
        int missed = 0;
        int metInTime = 0;
        int metLate = 0;
        List<Long> waits = new ArrayList<>();
        List<OverdueDuty> overdue = new ArrayList<>();
        for (TimelinessClock clock : clocks) {
            if (range.contains(clock.startedAt())) {
                started++;
            }
            // What happened after the report's end is not seen.
            boolean stopped = range.beforeEnd(clock.endedAt());
            Instant due = thresholds.dueBy(clock);
            if (stopped && clock.end() == ClockEnd.MET && range.contains(clock.endedAt())) {
                waits.add(BudgetProjector.seconds(clock.startedAt(), clock.endedAt()));
                if (due == null || !clock.endedAt().isAfter(due)) {
                    metInTime++;
                } else {
                    metLate++;
                }
            }
            if (due != null
                    && range.contains(due)
                    && !(stopped && !clock.endedAt().isAfter(due))) {
                missed++;
                Instant until = stopped ? clock.endedAt() : range.end();
                overdue.add(new OverdueDuty(
                        clock.budgetId(),
                        kind,
                        clock.sequence(),
                        clock.localAuthority(),
                        clock.startedAt(),
                        due,
                        stopped ? clock.endedAt() : null,
                        stopped ? clock.end() : null,
                        BudgetProjector.seconds(due, until)));
            }
        }
        List<Long> sorted = waits.stream().sorted().toList();
        overdue.sort(Comparator.comparing(OverdueDuty::dueBy)
                .thenComparing(o -> o.budgetId().value())
                .thenComparingLong(OverdueDuty::sequence));
        return new Duty(
                kind,
                started,
                sorted.size(),
                ReportRange.nearestRank(sorted, 50),
                ReportRange.nearestRank(sorted, 90),
                missed,
                metInTime,
                metLate,
                List.copyOf(overdue));
    }

    private static Suspensions suspensions(List<TimelinessClock> clocks, ReportRange range) {
        List<SuspensionInRange> suspensions = new ArrayList<>();
        int started = 0;
        long totalMicros = 0;
        for (TimelinessClock clock : clocks) {
            if (range.contains(clock.startedAt())) {
                started++;
            }
            if (!range.beforeEnd(clock.startedAt())) {
                continue;
            }
            boolean stopped = range.beforeEnd(clock.endedAt());
            Instant stop = stopped ? clock.endedAt() : range.end();
            if (!stop.isAfter(range.from())) {
                continue;
            }
            Instant start = clock.startedAt().isBefore(range.from()) ? range.from() : clock.startedAt();
            long micros = stop.isAfter(start) ? ChronoUnit.MICROS.between(start, stop) : 0;
            totalMicros += micros;
            suspensions.add(new SuspensionInRange(
                    clock.budgetId(),
                    clock.sequence(),
                    clock.startedAt(),
                    stopped ? clock.endedAt() : null,
                    micros / 1_000_000,
                    !stopped));
        }
        suspensions.sort(Comparator.comparing(SuspensionInRange::since)
                .thenComparing(s -> s.budgetId().value()));
        long budgets =
                suspensions.stream().map(SuspensionInRange::budgetId).distinct().count();
        return new Suspensions(started, (int) budgets, totalMicros / 1_000_000, List.copyOf(suspensions));
    }
}
