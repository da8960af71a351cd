package uk.gov.personalbudget.approval.queue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.ApprovalQueueItem;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The approval queue as projected, read for a set of councils (the caller's). */
@Repository
public class QueueQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;
    private final AuthorisationScheme scheme;

    public QueueQueries(JdbcTemplate jdbc, Generations generations, AuthorisationScheme scheme) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.scheme = scheme;
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
        List<ApprovalQueueEntry> entries =
                generations.read(() -> jdbc.query(sql, Tables.APPROVAL_QUEUE.mapper(), parameters.toArray()));
        return entries.stream()
                .map(entry -> ApprovalQueueItem.of(entry, scheme, now))
                .filter(item -> filter.level() == null || filter.level().equals(item.level()))
                .filter(item -> !filter.overdueOnly() || item.overdue())
                .toList();
    }
}
