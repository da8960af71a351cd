package uk.gov.personalbudget.approval.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.CoProductionReport;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.projection.OutcomesReport;
import uk.gov.personalbudget.approval.projection.ReportRows;
import uk.gov.personalbudget.approval.projection.TimelinessClock;
import uk.gov.personalbudget.approval.projection.TimelinessReport;
import uk.gov.personalbudget.approval.projection.TimelinessThresholds;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reports, computed from the rows of a set of councils' budgets (the caller's): the control summary, outcomes,
 * co-production and timeliness.
 */
@Repository
public class ReportQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;
    private final TimelinessThresholds thresholds;

    public ReportQueries(JdbcTemplate jdbc, Generations generations, TimelinessThresholds thresholds) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.thresholds = thresholds;
    }

    /** The outcomes report of the budgets of {@code councils} over {@code [from, min(to, asOf))}. */
    public OutcomesReport outcomes(Set<String> councils, Instant from, Instant to, Instant asOf) {
        return generations.inCurrent(generation -> {
            var range = new Range(councils, from, to, asOf, generation);
            return OutcomesReport.compute(range.rows(Tables.OUTCOME, "recorded_at"), from, to, asOf);
        });
    }

    /** The co-production report of the budgets of {@code councils} over {@code [from, min(to, asOf))}. */
    public CoProductionReport coProduction(Set<String> councils, Instant from, Instant to, Instant asOf) {
        return generations.inCurrent(generation -> {
            var range = new Range(councils, from, to, asOf, generation);
            return CoProductionReport.compute(
                    range.rows(Tables.ASSESSMENT, "assessed_at"),
                    range.rows(Tables.PLAN_CYCLE, "submitted_at"),
                    range.rows(Tables.PERSON_ACT, "occurred_at"),
                    range.rows(Tables.DECISION, "occurred_at"),
                    from,
                    to,
                    asOf);
        });
    }

    /** The timeliness report of the budgets of {@code councils} over {@code [from, min(to, asOf))}. */
    public TimelinessReport timeliness(Set<String> councils, Instant from, Instant to, Instant asOf) {
        return generations.inCurrent(generation -> {
            if (councils.isEmpty()) {
                return TimelinessReport.compute(List.of(), thresholds, from, to, asOf);
            }
            var range = new Range(councils, from, to, asOf, generation);
            List<Object> parameters = new ArrayList<>(List.of(generation));
            String inCouncils = Tables.councilIn(councils, parameters);
            parameters.add(range.stop());
            parameters.add(range.start());
            // Clocks stopped before the range count for nothing in it.
            List<TimelinessClock> clocks = generations.read(() -> jdbc.query(
                    Tables.TIMELINESS_CLOCK.select(
                            inCouncils + " AND started_at < ? AND (ended_at IS NULL OR ended_at >= ?)"),
                    Tables.TIMELINESS_CLOCK.mapper(),
                    parameters.toArray()));
            return TimelinessReport.compute(clocks, thresholds, from, to, asOf);
        });
    }

    /** A range's rows of the councils' budgets, by the moment in the range each row counts at. */
    private final class Range {

        private final Set<String> councils;
        private final int generation;
        private final OffsetDateTime start;
        private final OffsetDateTime stop;

        Range(Set<String> councils, Instant from, Instant to, Instant asOf, int generation) {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a report's range starts before it ends: " + from + " to " + to);
            }
            Instant end = asOf.isBefore(to) ? asOf : to;
            this.councils = councils;
            this.generation = generation;
            this.start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
            this.stop = OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
        }

        OffsetDateTime start() {
            return start;
        }

        OffsetDateTime stop() {
            return stop;
        }

        <T> List<T> rows(Tables.Table<T> table, String at) {
            if (councils.isEmpty()) {
                return List.of();
            }
            List<Object> ofCouncils = new ArrayList<>();
            String inCouncils = Tables.councilIn(councils, ofCouncils);
            return generations.read(() -> jdbc.query(
                    table.select(at + " >= ? AND " + at + " < ? AND budget_id IN (SELECT budget_id FROM "
                            + "budget_summary WHERE generation = ? AND " + inCouncils + ")"),
                    table.mapper(),
                    parameters(generation, start, stop, generation, ofCouncils)));
        }
    }

    /** The control summary report of the budgets of {@code councils} over {@code [from, to)} as of now. */
    public ControlSummaryReport report(Set<String> councils, Instant from, Instant to) {
        return report(councils, from, to, Instant.now());
    }

    /**
     * The control summary report of the budgets of {@code councils} over {@code [from, min(to, asOf))}, from the
     * current generation.
     */
    public ControlSummaryReport report(Set<String> councils, Instant from, Instant to, Instant asOf) {
        return generations.inCurrent(generation -> report(councils, from, to, asOf, generation));
    }

    public ControlSummaryReport report(Set<String> councils, Instant from, Instant to, Instant asOf, int generation) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report's range starts before it ends: " + from + " to " + to);
        }
        if (councils.isEmpty()) {
            return ControlSummaryReport.compute(ReportRows.NONE, from, to, asOf);
        }
        Instant end = asOf.isBefore(to) ? asOf : to;
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime stop = OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
        // Every table is narrowed to the councils' budgets in SQL (budget_summary_council_opened, V4).
        List<Object> ofCouncils = new ArrayList<>();
        String inCouncils = Tables.councilIn(councils, ofCouncils);
        String theirs =
                "budget_id IN (SELECT budget_id FROM budget_summary WHERE generation = ? AND " + inCouncils + ")";
        String alive = "opened_at < ? AND (closed_at IS NULL OR closed_at > ?)";
        ReportRows rows = generations.read(() -> new ReportRows(
                jdbc.query(
                        Tables.BUDGET_SUMMARY.select(inCouncils + " AND " + alive),
                        Tables.BUDGET_SUMMARY.mapper(),
                        parameters(generation, ofCouncils, stop, start)),
                jdbc.query(
                        Tables.CONTROL_TRAIL.select("occurred_at < ? AND budget_id IN (SELECT budget_id FROM "
                                + "budget_summary WHERE generation = ? AND " + inCouncils + " AND " + alive + ")"),
                        Tables.CONTROL_TRAIL.mapper(),
                        parameters(generation, stop, generation, ofCouncils, stop, start)),
                jdbc.query(
                        Tables.DECISION.select(
                                "kind IN ('OFFER', 'MANAGEMENT', 'CHALLENGE', 'CHALLENGE_ANSWER', 'PREFERRED_CONTROL') AND occurred_at < ? AND "
                                        + theirs),
                        Tables.DECISION.mapper(),
                        parameters(generation, stop, generation, ofCouncils)),
                jdbc.query(
                        Tables.PLAN_CYCLE.select("submitted_at < ? AND " + theirs),
                        Tables.PLAN_CYCLE.mapper(),
                        parameters(generation, stop, generation, ofCouncils)),
                jdbc.query(
                        Tables.CONTEST.select("contested_at < ? AND " + theirs),
                        Tables.CONTEST.mapper(),
                        parameters(generation, stop, generation, ofCouncils)),
                jdbc.query(
                        Tables.DELEGATION.select("intended_end >= ? AND intended_end < ? AND " + theirs),
                        Tables.DELEGATION.mapper(),
                        parameters(generation, start, stop, generation, ofCouncils))));
        return ControlSummaryReport.compute(rows, from, to, asOf);
    }

    /** Query parameters in order; a list among them stands for its elements. */
    private static Object[] parameters(Object... values) {
        List<Object> flat = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof List<?> list) {
                flat.addAll(list);
            } else {
                flat.add(value);
            }
        }
        return flat.toArray();
    }
}
