package uk.gov.personalbudget.approval.projection.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.ApprovalQueueItem;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;
import uk.gov.personalbudget.approval.projection.BudgetProjector;
import uk.gov.personalbudget.approval.projection.BudgetSummary;
import uk.gov.personalbudget.approval.projection.ChainLink;
import uk.gov.personalbudget.approval.projection.CheckedRecord;
import uk.gov.personalbudget.approval.projection.ContestRecord;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DelegationRecord;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.HoldReason;
import uk.gov.personalbudget.approval.projection.IntakeOutcome;
import uk.gov.personalbudget.approval.projection.PlanCycle;
import uk.gov.personalbudget.approval.projection.ProjectionStep;
import uk.gov.personalbudget.approval.projection.QueueChange;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.ReportRows;
import uk.gov.personalbudget.approval.projection.SequenceCheck;
import uk.gov.personalbudget.approval.projection.SequenceGapException;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.integrity.EventChainHash;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The projections in the database: applying batches of events, reading the trail, decisions, queue and
 * report, and the generations a replay rebuilds into.
 *
 * <h2>Generations</h2>
 * Every row belongs to a generation. Readers use the one {@code projection_generation} marks CURRENT (every
 * read without a generation argument); a replay writes everything again into a new one from
 * {@link #startGeneration()}, and {@link #promote(int)} makes it current and deletes the others in one
 * transaction, so a reader sees either the old projections or the new, never a mix. Generation numbers only
 * rise: a promoted-away or discarded generation stays listed as RETIRED, without rows, and is never written
 * again.
 *
 * <h2>Applying events</h2>
 * {@link #apply(List, int)} writes a whole batch in one transaction, with JDBC batch statements. It is
 * idempotent per budget: an event whose sequence is at or below the budget's last applied one is skipped, so
 * a redelivered record or batch changes nothing. An event further ahead than the next one means events are
 * missing (a lost record, a consumer that skipped, a misrouted key): the batch fails with a
 * {@link SequenceGapException} and nothing of it is written. Skipping the event instead would make every
 * later event of that budget a gap too, or, projected past the hole, leave durations, the queue and the trail
 * silently wrong until a replay; failing keeps the projections exactly what the events say, leaves the
 * consumer to retry (the record may yet arrive, e.g. after a rebalance) and makes the stall visible as lag
 * and as an error naming the budget and the missing sequence numbers.
 *
 * <h2>Reading per council</h2>
 * The queue and the report are read for a set of councils (the caller's), narrowed in SQL by the budgets'
 * {@code local_authority}; one budget's trail, decisions and {@link #parties} are read by id, and whether the
 * caller may see them is the contracts' access rule's to say, on those parties, before anything is read out.
 */
@Repository
public class ProjectionStore {

    private static final int BATCH_SIZE = 500;
    private static final int IN_LIST_SIZE = 500;
    private static final String CURRENT = "CURRENT";
    private static final String BUILDING = "BUILDING";
    private static final String RETIRED = "RETIRED";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final AuthorisationScheme scheme;
    private final BudgetProjector projector = new BudgetProjector();

    public ProjectionStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuthorisationScheme scheme) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.scheme = scheme;
        this.writing = new TransactionTemplate(transactions);
        // Several statements, one snapshot: a promotion in between cannot mix two generations in one answer.
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    // --- Writing ---

    /**
     * Projects {@code batch}, in order, into {@code generation}, in one transaction: all of it or, on any
     * failure, none of it. Events already applied are skipped.
     *
     * @return how many events of the batch were skipped as already applied (redelivered or re-published copies)
     * @throws SequenceGapException if an event comes before an earlier event of its budget was applied
     * @throws UnknownGeneration    if the generation does not exist (promoted away or discarded)
     */
    public int apply(List<EventEnvelope> batch, int generation) {
        return apply(batch.stream().map(CheckedRecord::unchecked).toList(), generation, Instant.now()).duplicates();
    }

    /**
     * Projects the checked records of a batch as {@link #apply(List, int)} does, and holds back, rather than
     * projecting, each record that does not fit its budget's hash chain (docs/security.md, "Tamper evidence"): one
     * the intake already found altered, one whose previous hash is not the hash of the budget's last projected event,
     * one without a hash after its budget's chain began, and a copy of a projected event with another hash. A held
     * back record changes no projection, so the genuine event of its place, chaining to the last projected one, still
     * fits when it comes. Held-back records are kept once each by their place on the topic.
     *
     * @return the duplicates skipped, and the records held back for the first time
     */
    public IntakeOutcome apply(List<CheckedRecord> batch, int generation, Instant now) {
        if (batch.isEmpty()) {
            return new IntakeOutcome(0, List.of());
        }
        return writing.execute(status -> {
            requireGeneration(generation);
            Set<BudgetId> ids = new LinkedHashSet<>();
            batch.stream().filter(checked -> checked.envelope() != null)
                    .forEach(checked -> ids.add(checked.envelope().budgetId()));
            Map<BudgetId, BudgetSummary> loaded = loadSummaries(generation, ids);
            var writes = new Writes(loaded);
            var chain = new Chain(generation);
            List<HeldBackRecord> held = new ArrayList<>();
            int skipped = 0;
            for (CheckedRecord checked : batch) {
                if (checked.heldBack() != null) {
                    held.add(checked.heldBack());
                    continue;
                }
                EventEnvelope envelope = checked.envelope();
                BudgetSummary before = writes.summaries.getOrDefault(envelope.budgetId(),
                        loaded.get(envelope.budgetId()));
                switch (SequenceCheck.of(before, envelope)) {
                    case ALREADY_APPLIED -> {
                        String differs = checked.link() == null ? null : chain.differsFromProjected(envelope,
                                checked.link());
                        if (differs != null) {
                            held.add(hold(checked, HoldReason.DIFFERS_FROM_PROJECTED, differs, now));
                        } else {
                            skipped++;
                        }
                    }
                    case GAP -> throw new SequenceGapException(envelope.budgetId(),
                            before == null ? 0 : before.lastSequence() + 1, envelope.sequence());
                    case APPLY -> {
                        Refusal refusal = checked.link() == null ? null : chain.link(envelope, checked.link());
                        if (refusal != null) {
                            held.add(hold(checked, refusal.reason(), refusal.detail(), now));
                        } else {
                            writes.add(projector.project(before, envelope));
                        }
                    }
                }
            }
            writes.flush(generation);
            chain.flush();
            return new IntakeOutcome(skipped, storeHeldBack(held));
        });
    }

    private static HeldBackRecord hold(CheckedRecord checked, HoldReason reason, String detail, Instant now) {
        EventEnvelope envelope = checked.envelope();
        return new HeldBackRecord(checked.position().topic(), checked.position().partition(),
                checked.position().offset(), envelope.budgetId().value(), envelope.sequence(), envelope.eventId(),
                envelope.eventType(), reason, detail, now);
    }

    private record Refusal(HoldReason reason, String detail) {
    }

    private record ChainEntry(String hash, boolean legacy) {
    }

    /** The budgets' hash chains as projected into one generation, and this batch's additions to them. */
    private final class Chain {

        private final int generation;
        private final Map<RowKey, ChainEntry> added = new LinkedHashMap<>();

        Chain(int generation) {
            this.generation = generation;
        }

        /** The projected event's place in the chain; null if there is no row (projected before the chain was). */
        ChainEntry at(BudgetId budget, long sequence) {
            ChainEntry entry = added.get(new RowKey(budget, sequence));
            if (entry != null) {
                return entry;
            }
            return jdbc.query("SELECT hash, legacy FROM event_chain WHERE generation = ? AND budget_id = ? "
                            + "AND sequence_number = ?", (rs, row) -> new ChainEntry(rs.getString(1), rs.getBoolean(2)),
                    generation, budget.value(), sequence).stream().findFirst().orElse(null);
        }

        /**
         * Whether the next event of its budget fits the chain, and if it does, adds it. The link is checked against
         * the hash of the budget's last projected event; when that is not known (an event projected before this
         * check existed, or a legacy record that carried no inputs) the record's own previous hash is taken.
         */
        Refusal link(EventEnvelope envelope, ChainLink link) {
            long sequence = envelope.sequence();
            ChainEntry previous = sequence == 0 ? null : at(envelope.budgetId(), sequence - 1);
            String expected = sequence == 0 ? EventChainHash.GENESIS : previous == null ? null : previous.hash();
            if (link.isLegacy()) {
                if (previous != null && !previous.legacy()) {
                    return new Refusal(HoldReason.UNHASHED, "the record has no event-hash, but the budget's hash "
                            + "chain began at an earlier event: only events stored before the chain began have none");
                }
            } else if (expected != null && !expected.equals(link.previousHash())) {
                return new Refusal(HoldReason.LINK, "its event-previous-hash " + link.previousHash()
                        + " is not the hash of the budget's last projected event, " + expected);
            }
            added.put(new RowKey(envelope.budgetId(), sequence), new ChainEntry(link.hashAfter(expected),
                    link.isLegacy()));
            return null;
        }

        /** Why a copy of a projected event does not match what was projected; null if it matches or cannot tell. */
        String differsFromProjected(EventEnvelope envelope, ChainLink link) {
            ChainEntry projected = at(envelope.budgetId(), envelope.sequence());
            if (projected == null || projected.legacy() && link.isLegacy()) {
                return null;
            }
            if (link.isLegacy()) {
                return "the record has no event-hash, but the event projected at its place had one";
            }
            if (projected.legacy() || !link.hash().equals(projected.hash())) {
                return "its event-hash " + link.hash() + " is not the hash of the event projected at its place, "
                        + projected.hash();
            }
            return null;
        }

        void flush() {
            if (!added.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO event_chain (generation, budget_id, sequence_number, hash, legacy) "
                                + "VALUES (?, ?, ?, ?, ?)", List.copyOf(added.entrySet()), BATCH_SIZE,
                        (statement, entry) -> {
                            statement.setInt(1, generation);
                            statement.setString(2, entry.getKey().budgetId().value());
                            statement.setLong(3, entry.getKey().sequence());
                            statement.setString(4, entry.getValue().hash());
                            statement.setBoolean(5, entry.getValue().legacy());
                        });
            }
        }
    }

    /** Stores the held-back records not stored before (by their place on the topic), and returns those. */
    private List<HeldBackRecord> storeHeldBack(List<HeldBackRecord> held) {
        List<HeldBackRecord> stored = new ArrayList<>();
        Set<List<Object>> places = new LinkedHashSet<>();
        for (HeldBackRecord record : held) {
            if (!places.add(List.of(record.topic(), record.partition(), record.offset()))) {
                continue;
            }
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM held_back_record WHERE topic = ? "
                    + "AND partition_no = ? AND record_offset = ?", Integer.class, record.topic(), record.partition(),
                    record.offset());
            if (known != null && known > 0) {
                continue;
            }
            jdbc.update("INSERT INTO held_back_record (topic, partition_no, record_offset, budget_id, sequence_number, "
                            + "event_id, event_type, reason, detail, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    statement -> {
                        statement.setString(1, record.topic());
                        statement.setInt(2, record.partition());
                        statement.setLong(3, record.offset());
                        statement.setString(4, cut(record.budgetId(), 64));
                        statement.setObject(5, record.sequence(), java.sql.Types.BIGINT);
                        statement.setString(6, cut(record.eventId(), 64));
                        statement.setString(7, cut(record.eventType(), 64));
                        statement.setString(8, record.reason().name());
                        statement.setString(9, cut(record.detail(), 1000));
                        statement.setObject(10, OffsetDateTime.ofInstant(record.heldAt(), ZoneOffset.UTC));
                    });
            stored.add(record);
        }
        return stored;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /** One batch's rows, coalesced so each keyed row is written once with its final content. */
    private final class Writes {

        private final Map<BudgetId, BudgetSummary> loaded;
        private final Map<BudgetId, BudgetSummary> summaries = new LinkedHashMap<>();
        private final List<ControlTrailEntry> trail = new ArrayList<>();
        private final List<Decision> decisions = new ArrayList<>();
        private final Map<QueueKey, ApprovalQueueEntry> queue = new LinkedHashMap<>();
        private final Map<BudgetId, String> reallocations = new LinkedHashMap<>();
        private final Map<RowKey, DelegationRecord> delegations = new LinkedHashMap<>();
        private final Map<RowKey, PlanCycle> plans = new LinkedHashMap<>();
        private final Map<RowKey, ContestRecord> contests = new LinkedHashMap<>();

        Writes(Map<BudgetId, BudgetSummary> loaded) {
            this.loaded = loaded;
        }

        void add(ProjectionStep step) {
            summaries.put(step.after().budgetId(), step.after());
            trail.addAll(step.trail());
            decisions.addAll(step.decisions());
            for (QueueChange change : step.queue()) {
                if (change instanceof QueueChange.Upsert upsert) {
                    queue.put(new QueueKey(upsert.budgetId(), upsert.kind()), upsert.entry());
                } else if (change instanceof QueueChange.Remove remove) {
                    queue.put(new QueueKey(remove.budgetId(), remove.kind()), null);
                } else if (change instanceof QueueChange.Reallocate moved) {
                    // Items of this batch are rewritten here; those stored before it by an UPDATE in flush.
                    reallocations.put(moved.budgetId(), moved.practitioner());
                    queue.replaceAll((key, entry) -> entry != null && key.budgetId().equals(moved.budgetId())
                            ? entry.withAllocatedPractitioner(moved.practitioner()) : entry);
                }
            }
            step.delegations().forEach(row -> delegations.put(new RowKey(row.budgetId(), row.sequence()), row));
            step.plans().forEach(row -> plans.put(new RowKey(row.budgetId(), row.sequence()), row));
            step.contests().forEach(row -> contests.put(new RowKey(row.budgetId(), row.sequence()), row));
        }

        void flush(int generation) {
            write(Tables.BUDGET_SUMMARY, generation, summaries.values(), row -> loaded.containsKey(row.budgetId()),
                    (binder, row) -> binder.text(row.budgetId().value()));
            insert(Tables.CONTROL_TRAIL, generation, trail);
            insert(Tables.DECISION, generation, decisions);
            if (!reallocations.isEmpty()) {
                jdbc.batchUpdate("UPDATE approval_queue SET allocated_practitioner = ? WHERE generation = ? "
                                + "AND budget_id = ?", List.copyOf(reallocations.entrySet()), BATCH_SIZE,
                        (statement, moved) -> new Columns.Binder(statement).text(moved.getValue())
                                .integer(generation).text(moved.getKey().value()));
            }
            deleteRows("approval_queue", "budget_id = ? AND kind = ?", generation, queue.keySet(),
                    (binder, key) -> binder.text(key.budgetId().value()).name(key.kind()));
            insert(Tables.APPROVAL_QUEUE, generation, queue.values().stream().filter(Objects::nonNull).toList());
            write(Tables.DELEGATION, generation, delegations.values(), row -> existed(row.budgetId(), row.sequence()),
                    (binder, row) -> binder.text(row.budgetId().value()).number(row.sequence()));
            write(Tables.PLAN_CYCLE, generation, plans.values(), row -> existed(row.budgetId(), row.sequence()),
                    (binder, row) -> binder.text(row.budgetId().value()).number(row.sequence()));
            write(Tables.CONTEST, generation, contests.values(), row -> existed(row.budgetId(), row.sequence()),
                    (binder, row) -> binder.text(row.budgetId().value()).number(row.sequence()));
        }

        /** Updates the rows stored before this batch, in place; inserts the rest. */
        private <T> void write(Tables.Table<T> table, int generation, Collection<T> rows, Predicate<T> stored,
                               Tables.RowBinder<T> key) {
            List<T> updates = rows.stream().filter(stored).toList();
            List<T> inserts = rows.stream().filter(stored.negate()).toList();
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(table.update(), updates, BATCH_SIZE,
                        (statement, row) -> table.bindUpdate(new Columns.Binder(statement), generation, row, key));
            }
            insert(table, generation, inserts);
        }

        /** A delegation, plan or contest row is keyed by the event that started it: older ones are stored. */
        private boolean existed(BudgetId id, long sequence) {
            BudgetSummary before = loaded.get(id);
            return before != null && sequence <= before.lastSequence();
        }
    }

    private record QueueKey(BudgetId budgetId, QueueKind kind) {
    }

    private record RowKey(BudgetId budgetId, long sequence) {
    }

    private <T> void insert(Tables.Table<T> table, int generation, Collection<T> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(table.insert(), rows, BATCH_SIZE,
                    (statement, row) -> table.bind(new Columns.Binder(statement), generation, row));
        }
    }

    private <K> void deleteRows(String table, String condition, int generation, Collection<K> keys,
                                Tables.RowBinder<K> binder) {
        if (!keys.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE generation = ? AND " + condition, keys, BATCH_SIZE,
                    (statement, key) -> binder.bind(new Columns.Binder(statement).integer(generation), key));
        }
    }

    private Map<BudgetId, BudgetSummary> loadSummaries(int generation, Collection<BudgetId> ids) {
        Map<BudgetId, BudgetSummary> summaries = new HashMap<>();
        List<Object[]> keys = ids.stream().map(id -> new Object[] {generation, id.value()}).toList();
        // Row values, not "generation = ? AND budget_id IN (...)": H2 looks those up by the primary key
        // rather than scanning the whole generation.
        String sql = "SELECT " + String.join(", ", Tables.BUDGET_SUMMARY.columns())
                + " FROM budget_summary WHERE (generation, budget_id) IN (:keys)";
        for (int from = 0; from < keys.size(); from += IN_LIST_SIZE) {
            var parameters = Map.of("keys", keys.subList(from, Math.min(keys.size(), from + IN_LIST_SIZE)));
            named.query(sql, parameters, Tables.BUDGET_SUMMARY.mapper())
                    .forEach(summary -> summaries.put(summary.budgetId(), summary));
        }
        return summaries;
    }

    // --- Reading ---

    /** The budget's control transfers in order, from the current generation. */
    public List<ControlTrailEntry> controlTrail(BudgetId budget) {
        return inCurrent(generation -> controlTrail(budget, generation));
    }

    public List<ControlTrailEntry> controlTrail(BudgetId budget, int generation) {
        return read(() -> jdbc.query(Tables.CONTROL_TRAIL.select("budget_id = ?"), Tables.CONTROL_TRAIL.mapper(),
                generation, budget.value()));
    }

    /** The budget's decisions in order, from the current generation. */
    public List<Decision> decisions(BudgetId budget) {
        return inCurrent(generation -> decisions(budget, generation));
    }

    public List<Decision> decisions(BudgetId budget, int generation) {
        return read(() -> jdbc.query(Tables.DECISION.select("budget_id = ?"), Tables.DECISION.mapper(), generation,
                budget.value()));
    }

    /** The budget's summary, from the current generation. */
    public Optional<BudgetSummary> summary(BudgetId budget) {
        return inCurrent(generation -> summary(budget, generation));
    }

    public Optional<BudgetSummary> summary(BudgetId budget, int generation) {
        return read(() -> jdbc.query(Tables.BUDGET_SUMMARY.select("budget_id = ?"), Tables.BUDGET_SUMMARY.mapper(),
                generation, budget.value()).stream().findFirst());
    }

    /**
     * Whose budget it is and who may stand for the person now, from the current generation, for the contracts'
     * {@code BudgetAccessRule}; empty if no event of it has been projected.
     */
    public Optional<BudgetParties> parties(BudgetId budget) {
        return summary(budget).map(BudgetSummary::parties);
    }

    public boolean exists(BudgetId budget) {
        return summary(budget).isPresent();
    }

    public boolean exists(BudgetId budget, int generation) {
        return summary(budget, generation).isPresent();
    }

    /**
     * The approval queue of the budgets of {@code councils} at {@code now}, longest waiting first, from the current
     * generation.
     *
     * @throws IllegalArgumentException if the filter names a level the scheme of authorisation does not have
     */
    public List<ApprovalQueueItem> queue(Set<String> councils, QueueFilter filter, Instant now) {
        return inCurrent(generation -> queue(councils, filter, now, generation));
    }

    public List<ApprovalQueueItem> queue(Set<String> councils, QueueFilter filter, Instant now, int generation) {
        if (filter.level() != null && !scheme.hasLevel(filter.level())) {
            throw new IllegalArgumentException("no authorisation level " + filter.level() + " in " + scheme);
        }
        if (councils.isEmpty()
                || filter.level() != null && filter.kind() != null && filter.kind() != QueueKind.PLAN_AWAITING_DECISION) {
            return List.of();
        }
        QueueKind kind = filter.level() != null ? QueueKind.PLAN_AWAITING_DECISION : filter.kind();
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(List.of(generation));
        conditions.add(councilIn(councils, parameters));
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
        List<ApprovalQueueEntry> entries = read(() -> jdbc.query(sql, Tables.APPROVAL_QUEUE.mapper(),
                parameters.toArray()));
        return entries.stream()
                .map(entry -> ApprovalQueueItem.of(entry, scheme, now))
                .filter(item -> filter.level() == null || filter.level().equals(item.level()))
                .filter(item -> !filter.overdueOnly() || item.overdue())
                .toList();
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
        return inCurrent(generation -> report(councils, from, to, asOf, generation));
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
        String inCouncils = councilIn(councils, ofCouncils);
        String theirs = "budget_id IN (SELECT budget_id FROM budget_summary WHERE generation = ? AND " + inCouncils
                + ")";
        String alive = "opened_at < ? AND (closed_at IS NULL OR closed_at > ?)";
        ReportRows rows = read(() -> new ReportRows(
                jdbc.query(Tables.BUDGET_SUMMARY.select(inCouncils + " AND " + alive), Tables.BUDGET_SUMMARY.mapper(),
                        parameters(generation, ofCouncils, stop, start)),
                jdbc.query(Tables.CONTROL_TRAIL.select("occurred_at < ? AND budget_id IN (SELECT budget_id FROM "
                                + "budget_summary WHERE generation = ? AND " + inCouncils + " AND " + alive + ")"),
                        Tables.CONTROL_TRAIL.mapper(), parameters(generation, stop, generation, ofCouncils, stop,
                                start)),
                jdbc.query(Tables.DECISION.select("kind IN ('OFFER', 'MANAGEMENT') AND occurred_at < ? AND " + theirs),
                        Tables.DECISION.mapper(), parameters(generation, stop, generation, ofCouncils)),
                jdbc.query(Tables.PLAN_CYCLE.select("submitted_at < ? AND " + theirs), Tables.PLAN_CYCLE.mapper(),
                        parameters(generation, stop, generation, ofCouncils)),
                jdbc.query(Tables.CONTEST.select("contested_at < ? AND " + theirs), Tables.CONTEST.mapper(),
                        parameters(generation, stop, generation, ofCouncils)),
                jdbc.query(Tables.DELEGATION.select("intended_end >= ? AND intended_end < ? AND " + theirs),
                        Tables.DELEGATION.mapper(), parameters(generation, start, stop, generation, ofCouncils))));
        return ControlSummaryReport.compute(rows, from, to, asOf);
    }

    /** {@code local_authority IN (?, ...)} for {@code councils}, whose ids it adds to {@code parameters}. */
    private static String councilIn(Set<String> councils, List<Object> parameters) {
        List<String> sorted = councils.stream().sorted().toList();
        parameters.addAll(sorted);
        return "local_authority IN (" + String.join(", ", Collections.nCopies(sorted.size(), "?")) + ")";
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

    // --- Held-back records ---

    /**
     * The records held back whose budget is one of {@code councils}' as projected now, oldest first. A record
     * naming a budget no event has projected belongs to no council: it is listed to no one here (the metric and
     * the log name it).
     */
    public List<HeldBackRecord> heldBack(Set<String> councils) {
        return inCurrent(generation -> {
            List<Object> parameters = new ArrayList<>();
            parameters.add(generation);
            String inCouncils = councilIn(councils, parameters);
            return jdbc.query(HELD_BACK_SELECT + " WHERE budget_id IN (SELECT budget_id FROM budget_summary "
                    + "WHERE generation = ? AND " + inCouncils + ") ORDER BY held_at, topic, partition_no, "
                    + "record_offset", ProjectionStore::heldBackRecord, parameters.toArray());
        });
    }

    /** The records of one budget that were held back, oldest first. */
    public List<HeldBackRecord> heldBack(BudgetId budget) {
        return read(() -> jdbc.query(HELD_BACK_SELECT + " WHERE budget_id = ? ORDER BY held_at, topic, partition_no, "
                + "record_offset", ProjectionStore::heldBackRecord, budget.value()));
    }

    private static final String HELD_BACK_SELECT = "SELECT topic, partition_no, record_offset, budget_id, "
            + "sequence_number, event_id, event_type, reason, detail, held_at FROM held_back_record";

    private static HeldBackRecord heldBackRecord(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long sequence = rs.getLong(5);
        Long claimed = rs.wasNull() ? null : sequence;
        return new HeldBackRecord(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), claimed,
                rs.getString(6), rs.getString(7), HoldReason.valueOf(rs.getString(8)), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant());
    }

    // --- Generations ---

    /** The generation readers use. */
    public int currentGeneration() {
        Integer current = jdbc.query("SELECT generation FROM projection_generation WHERE status = ?",
                (rs, row) -> rs.getInt(1), CURRENT).stream().findFirst().orElse(null);
        if (current == null) {
            throw new IllegalStateException("no projection generation is current");
        }
        return current;
    }

    /**
     * The generation new events go to: the one a replay is building if there is one, else the current one. Read
     * from the database on every call, so every instance writes where the last replay's step left it.
     */
    public int writeGeneration() {
        // A generation being built is always newer than the current one: numbers only rise.
        Integer newest = jdbc.queryForObject("SELECT MAX(generation) FROM projection_generation WHERE status IN (?, ?)",
                Integer.class, CURRENT, BUILDING);
        if (newest == null) {
            throw new IllegalStateException("no projection generation is current");
        }
        return newest;
    }

    /** The generation a replay is building, if one was started and neither promoted nor discarded. */
    public Optional<Integer> pendingGeneration() {
        return jdbc.query("SELECT generation FROM projection_generation WHERE status = ? ORDER BY generation DESC",
                (rs, row) -> rs.getInt(1), BUILDING).stream().findFirst();
    }

    /**
     * A new, empty generation to rebuild into; readers keep the current one. A generation still being built
     * from an earlier start is discarded: one rebuild at a time, the newest wins.
     */
    public int startGeneration() {
        return writing.execute(status -> {
            pendingGeneration().ifPresent(this::deleteGeneration);
            int next = jdbc.queryForObject("SELECT COALESCE(MAX(generation), 0) + 1 FROM projection_generation",
                    Integer.class);
            jdbc.update("INSERT INTO projection_generation (generation, status, created_at) VALUES (?, ?, ?)",
                    next, BUILDING, OffsetDateTime.now(ZoneOffset.UTC));
            return next;
        });
    }

    /** Makes {@code generation} the one readers use, and deletes every other generation, in one transaction. */
    public void promote(int generation) {
        writing.executeWithoutResult(status -> {
            requireGeneration(generation);
            for (Tables.Table<?> table : Tables.ALL) {
                jdbc.update("DELETE FROM " + table.name() + " WHERE generation <> ?", generation);
            }
            jdbc.update("DELETE FROM event_chain WHERE generation <> ?", generation);
            jdbc.update("UPDATE projection_generation SET status = ? WHERE generation <> ?", RETIRED, generation);
            jdbc.update("UPDATE projection_generation SET status = ? WHERE generation = ?", CURRENT, generation);
        });
    }

    /**
     * Deletes a generation that is not current, e.g. an abandoned rebuild. Discarding one that does not exist
     * does nothing.
     *
     * @throws IllegalStateException for the current generation
     */
    public void discard(int generation) {
        writing.executeWithoutResult(status -> {
            if (generation == currentGeneration()) {
                throw new IllegalStateException("generation " + generation + " is current: promote another first");
            }
            deleteGeneration(generation);
        });
    }

    private void deleteGeneration(int generation) {
        for (Tables.Table<?> table : Tables.ALL) {
            jdbc.update("DELETE FROM " + table.name() + " WHERE generation = ?", generation);
        }
        jdbc.update("DELETE FROM event_chain WHERE generation = ?", generation);
        jdbc.update("UPDATE projection_generation SET status = ? WHERE generation = ?", RETIRED, generation);
    }

    /** Every row of {@code generation}, without the generation, in a fixed order. */
    public ProjectionSnapshot snapshot(int generation) {
        return read(() -> new ProjectionSnapshot(
                all(Tables.BUDGET_SUMMARY, generation),
                all(Tables.CONTROL_TRAIL, generation),
                all(Tables.DECISION, generation),
                all(Tables.APPROVAL_QUEUE, generation),
                all(Tables.DELEGATION, generation),
                all(Tables.PLAN_CYCLE, generation),
                all(Tables.CONTEST, generation)));
    }

    /** Compares two generations in the database, table by table, without loading their rows. */
    public GenerationComparison compareGenerations(int a, int b) {
        return read(() -> {
            Map<String, Long> differing = new LinkedHashMap<>();
            for (Tables.Table<?> table : Tables.ALL) {
                long onlyInA = jdbc.queryForObject(table.except(), Long.class, a, b);
                long onlyInB = jdbc.queryForObject(table.except(), Long.class, b, a);
                differing.put(table.name(), onlyInA + onlyInB);
            }
            return new GenerationComparison(a, b, differing);
        });
    }

    private <T> List<T> all(Tables.Table<T> table, int generation) {
        return jdbc.query(table.select(""), table.mapper(), generation);
    }

    private void requireGeneration(int generation) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM projection_generation "
                + "WHERE generation = ? AND status IN (?, ?)", Integer.class, generation, CURRENT, BUILDING);
        if (found == null || found == 0) {
            throw new UnknownGeneration(generation);
        }
    }

    private <T> T inCurrent(Function<Integer, T> query) {
        return read(() -> query.apply(currentGeneration()));
    }

    private <T> T read(Supplier<T> query) {
        return reading.execute(status -> query.get());
    }
}
