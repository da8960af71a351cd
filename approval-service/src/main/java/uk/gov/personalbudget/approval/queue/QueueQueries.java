package uk.gov.personalbudget.approval.queue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.ApprovalQueueItem;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;
import uk.gov.personalbudget.approval.projection.ClockKind;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.TimelinessClock;
import uk.gov.personalbudget.approval.projection.TimelinessThresholds;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The approval queue as projected, read for a set of councils (the caller's), with the timeliness queue: the
 * {@code _OVERDUE} kinds, each a running timeliness clock past its due date.
 */
@Repository
public class QueueQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;
    private final AuthorisationScheme scheme;
    private final TimelinessThresholds thresholds;

    public QueueQueries(
            JdbcTemplate jdbc, Generations generations, AuthorisationScheme scheme, TimelinessThresholds thresholds) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.scheme = scheme;
        this.thresholds = thresholds;
    }

    /**
     * The approval queue of the budgets of {@code councils} at {@code now}, longest waiting first, from the current
     * generation.
     *
     * @throws IllegalArgumentException if the filter names a level the scheme of authorisation does not have
     */
    public List<ApprovalQueueItem> queue(Set<String> councils, QueueFilter filter, Instant now) {
        return generations.inCurrent(generation -> queue(councils, filter, now, generation));
    }

    public List<ApprovalQueueItem> queue(Set<String> councils, QueueFilter filter, Instant now, int generation) {
        if (filter.level() != null && !scheme.hasLevel(filter.level())) {
            throw new IllegalArgumentException("no authorisation level " + filter.level() + " in " + scheme);
        }
        if (councils.isEmpty()
                || filter.level() != null
                        && filter.kind() != null
                        && filter.kind() != QueueKind.PLAN_AWAITING_DECISION) {
            return List.of();
        }
        QueueKind kind = filter.level() != null ? QueueKind.PLAN_AWAITING_DECISION : filter.kind();
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(List.of(generation));
        conditions.add(Tables.councilIn(councils, parameters));
        if (kind != null) {
            conditions.add("kind = ?");
            parameters.add(kind.name());
        }
        if (filter.overdueOnly()) {
            conditions.add("due_by < ?");
            parameters.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        String sql = "SELECT " + String.join(", ", Tables.APPROVAL_QUEUE.columns())
                + " FROM approval_queue WHERE generation = ?"
                + conditions.stream().map(condition -> " AND " + condition).reduce("", String::concat)
                + " ORDER BY since, budget_id, kind";
        List<ApprovalQueueEntry> entries = new ArrayList<>();
        if (kind == null || !kind.name().endsWith(OVERDUE)) {
            entries.addAll(
                    generations.read(() -> jdbc.query(sql, Tables.APPROVAL_QUEUE.mapper(), parameters.toArray())));
        }
        if (filter.level() == null && (kind == null || kind.name().endsWith(OVERDUE))) {
            entries.addAll(overdueClocks(councils, kind, now, generation));
        }
        return entries.stream()
                .sorted(Comparator.comparing(ApprovalQueueEntry::since)
                        .thenComparing(entry -> entry.budgetId().value())
                        .thenComparing(entry -> entry.kind().name()))
                .map(entry -> ApprovalQueueItem.of(entry, scheme, now))
                .filter(item -> filter.level() == null || filter.level().equals(item.level()))
                .filter(item -> !filter.overdueOnly() || item.overdue())
                .toList();
    }

    private static final String OVERDUE = "_OVERDUE";

    /**
     * The timeliness queue: each clock still running past its due date (its statutory window's end, or its start plus
     * the council's threshold), as an item of its clock kind's queue kind, waiting since the clock started.
     */
    private List<ApprovalQueueEntry> overdueClocks(Set<String> councils, QueueKind kind, Instant now, int generation) {
        List<Object> parameters = new ArrayList<>(List.of(generation));
        String sql = "SELECT c.budget_id, c.kind, c.event_sequence, c.local_authority, c.started_at, c.due_by, "
                + "b.person_reference, b.allocated_practitioner FROM timeliness_clock c JOIN budget_summary b "
                + "ON b.generation = c.generation AND b.budget_id = c.budget_id WHERE c.generation = ? "
                + "AND c.ended_at IS NULL AND c." + Tables.councilIn(councils, parameters);
        List<ApprovalQueueEntry> entries = generations.read(() -> jdbc.query(
                sql,
                (rs, row) -> {
                    var clock = new TimelinessClock(
                            new BudgetId(rs.getString("budget_id")),
                            ClockKind.valueOf(rs.getString("kind")),
                            rs.getLong("event_sequence"),
                            rs.getString("local_authority"),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject("due_by", OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)
                                    .orElse(null),
                            null,
                            null);
                    Instant due = thresholds.dueBy(clock);
                    if (due == null || !now.isAfter(due)) {
                        return null;
                    }
                    return new ApprovalQueueEntry(
                            clock.budgetId(),
                            clock.kind().queueKind(),
                            clock.sequence(),
                            clock.startedAt(),
                            new PersonReference(rs.getString("person_reference")),
                            rs.getString("allocated_practitioner"),
                            clock.localAuthority(),
                            null,
                            due,
                            null);
                },
                parameters.toArray()));
        return entries.stream()
                .filter(Objects::nonNull)
                .filter(entry -> kind == null || entry.kind() == kind)
                .toList();
    }
}
