package uk.gov.personalbudget.approval.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.projection.ReportRows;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The control summary report, computed from the rows of a set of councils' budgets (the caller's). */
@Repository
public class ReportQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;

    public ReportQueries(JdbcTemplate jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
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
