package uk.gov.personalbudget.approval.projection.store;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.personalbudget.approval.projection.AheadOfSequence;
import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.AssessmentRecord;
import uk.gov.personalbudget.approval.projection.BudgetProjector;
import uk.gov.personalbudget.approval.projection.BudgetSummary;
import uk.gov.personalbudget.approval.projection.ChainLink;
import uk.gov.personalbudget.approval.projection.CheckedRecord;
import uk.gov.personalbudget.approval.projection.ClockChange;
import uk.gov.personalbudget.approval.projection.ClockKind;
import uk.gov.personalbudget.approval.projection.ContestRecord;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DelegationRecord;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.HoldReason;
import uk.gov.personalbudget.approval.projection.IntakeOutcome;
import uk.gov.personalbudget.approval.projection.OutcomeRecord;
import uk.gov.personalbudget.approval.projection.PersonAct;
import uk.gov.personalbudget.approval.projection.PlanCycle;
import uk.gov.personalbudget.approval.projection.ProjectionStep;
import uk.gov.personalbudget.approval.projection.QueueChange;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.SequenceCheck;
import uk.gov.personalbudget.approval.projection.TimelinessClock;
import uk.gov.personalbudget.contracts.integrity.EventChainHash;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes what the projector makes of each batch of events into the projection tables of one generation
 * ({@link Generations}): the summaries, the trail, decisions, queue changes and the rows the report reads, the
 * budgets' hash chains, and the records held back.
 *
 * <h2>Applying events</h2>
 * {@link #apply(List, int)} writes a whole batch in one transaction, with JDBC batch statements. It is
 * idempotent per budget: an event whose sequence is at or below the budget's last applied one is skipped, so
 * a redelivered record or batch changes nothing. An event further ahead than the next one is skipped too
 * ({@link AheadOfSequence}): budget-service publishes at least once, and after a failed publication batch a
 * later event of a budget can reach the topic before the batch is sent again from its first unacknowledged event,
 * so the missing events and this one again follow it (docs/events.md). Skipping it keeps the projections exactly
 * what the events say, in order, and lets the partition's other budgets go on; projecting past the hole would
 * leave durations, the queue and the trail silently wrong. Each skip is returned, so the intake logs and counts it:
 * should the missing events never come (a lost record, a misrouted key), the budget's later records keep being
 * skipped, which the counter's alert shows.
 */
@Repository
public class ProjectionWriter {

    private static final int BATCH_SIZE = 500;
    private static final int IN_LIST_SIZE = 500;
    /** Rows per multi-row INSERT: chunks of the first size, then of the next for what is left, and so on. */
    private static final int[] ROWS_PER_INSERT = {100, 10, 1};
    /**
     * Stops a budget's running clock of a kind. It names the budget but not the whole key, so only the primary key
     * may serve it (V12: no secondary index is led by generation); BudgetRowsByPrimaryKeyTest holds it to that.
     */
    static final String STOP_CLOCK = "UPDATE timeliness_clock SET ended_at = ?, ended_how = ? WHERE generation = ? "
            + "AND budget_id = ? AND kind = ? AND ended_at IS NULL";

    private static final String SUMMARY_COLUMNS = String.join(", ", Tables.BUDGET_SUMMARY.columns());
    /**
     * The summaries of a batch's budgets on PostgreSQL: one statement and one text whatever the number of budgets
     * (row values made a text, planned apart, per list length), answered from the primary key.
     */
    static final String SUMMARIES_OF_BUDGETS =
            "SELECT " + SUMMARY_COLUMNS + " FROM budget_summary WHERE generation = ? AND budget_id = ANY (?)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate writing;
    private final Generations generations;
    private final BudgetProjector projector = new BudgetProjector();
    /** Whether the projections are in PostgreSQL (else H2), asked of the database once. */
    private volatile Boolean postgres;
    /** Each thread's buffer for the rows of its COPYs, kept from one to the next. */
    private final ThreadLocal<CopyText> copies = ThreadLocal.withInitial(CopyText::new);
    /** The multi-row INSERT texts by table and rows, made once. */
    private final Map<String, String> insertStatements = new ConcurrentHashMap<>();

    public ProjectionWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions, Generations generations) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.writing = new TransactionTemplate(transactions);
        this.generations = generations;
    }

    /**
     * Projects {@code batch}, in order, into {@code generation}, in one transaction: all of it or, on any
     * failure, none of it. Events already applied, and events ahead of their budget's next, are skipped.
     *
     * @return how many events of the batch were skipped as already applied (redelivered or re-published copies)
     * @throws UnknownGeneration    if the generation does not exist (promoted away or discarded)
     */
    public int apply(List<EventEnvelope> batch, int generation) {
        return apply(batch.stream().map(CheckedRecord::unchecked).toList(), generation, Instant.now())
                .duplicates();
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
            return new IntakeOutcome(0, List.of(), List.of());
        }
        return writing.execute(status -> {
            generations.require(generation);
            Set<BudgetId> ids = new LinkedHashSet<>();
            batch.stream()
                    .filter(checked -> checked.envelope() != null)
                    .forEach(checked -> ids.add(checked.envelope().budgetId()));
            Map<BudgetId, BudgetSummary> loaded = loadSummaries(generation, ids);
            var writes = new Writes(loaded);
            var chain = new Chain(generation);
            List<HeldBackRecord> held = new ArrayList<>();
            List<AheadOfSequence> ahead = new ArrayList<>();
            int skipped = 0;
            for (CheckedRecord checked : batch) {
                if (checked.heldBack() != null) {
                    held.add(checked.heldBack());
                    continue;
                }
                EventEnvelope envelope = checked.envelope();
                BudgetSummary before =
                        writes.summaries.getOrDefault(envelope.budgetId(), loaded.get(envelope.budgetId()));
                switch (SequenceCheck.of(before, envelope)) {
                    case ALREADY_APPLIED -> {
                        String differs =
                                checked.link() == null ? null : chain.differsFromProjected(envelope, checked.link());
                        if (differs != null) {
                            held.add(hold(checked, HoldReason.DIFFERS_FROM_PROJECTED, differs, now));
                        } else {
                            skipped++;
                        }
                    }
                    case GAP ->
                        ahead.add(new AheadOfSequence(
                                envelope.budgetId(),
                                before == null ? 0 : before.lastSequence() + 1,
                                envelope.sequence(),
                                checked.position()));
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
            return new IntakeOutcome(skipped, storeHeldBack(held), ahead);
        });
    }

    private static HeldBackRecord hold(CheckedRecord checked, HoldReason reason, String detail, Instant now) {
        EventEnvelope envelope = checked.envelope();
        return new HeldBackRecord(
                checked.position().topic(),
                checked.position().partition(),
                checked.position().offset(),
                envelope.budgetId().value(),
                envelope.sequence(),
                envelope.eventId(),
                envelope.eventType(),
                reason,
                detail,
                now);
    }

    private record Refusal(HoldReason reason, String detail) {}

    private record ChainEntry(String hash, boolean legacy) {}

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
            return jdbc
                    .query(
                            "SELECT hash, legacy FROM event_chain WHERE generation = ? AND budget_id = ? "
                                    + "AND sequence_number = ?",
                            (rs, row) -> new ChainEntry(rs.getString(1), rs.getBoolean(2)),
                            generation,
                            budget.value(),
                            sequence)
                    .stream()
                    .findFirst()
                    .orElse(null);
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
                    return new Refusal(
                            HoldReason.UNHASHED,
                            "the record has no event-hash, but the budget's hash "
                                    + "chain began at an earlier event: only events stored before the chain began have none");
                }
            } else if (expected != null && !expected.equals(link.previousHash())) {
                return new Refusal(
                        HoldReason.LINK,
                        "its event-previous-hash " + link.previousHash()
                                + " is not the hash of the budget's last projected event, " + expected);
            }
            added.put(
                    new RowKey(envelope.budgetId(), sequence),
                    new ChainEntry(link.hashAfter(expected), link.isLegacy()));
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
            insertRows(
                    "event_chain",
                    "generation, budget_id, sequence_number, hash, legacy",
                    added.entrySet(),
                    rows -> "INSERT INTO event_chain (generation, budget_id, sequence_number, hash, legacy) VALUES "
                            + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?)")),
                    (parameters, entry) -> parameters
                            .integer(generation)
                            .text(entry.getKey().budgetId().value())
                            .number(entry.getKey().sequence())
                            .text(entry.getValue().hash())
                            .flag(entry.getValue().legacy()));
        }
    }

    /**
     * Stores the held-back records not stored before (by their place on the topic), and returns those: one query per
     * partition for the places already stored and one batch of inserts, so that a flood of forged records costs the
     * intake little more than the records it projects.
     */
    private List<HeldBackRecord> storeHeldBack(List<HeldBackRecord> held) {
        if (held.isEmpty()) {
            return List.of();
        }
        Map<Place, HeldBackRecord> byPlace = new LinkedHashMap<>();
        held.forEach(record -> byPlace.putIfAbsent(Place.of(record), record));
        Set<Place> stored = storedPlaces(byPlace.keySet());
        List<HeldBackRecord> fresh = byPlace.entrySet().stream()
                .filter(entry -> !stored.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        jdbc.batchUpdate(
                "INSERT INTO held_back_record (topic, partition_no, record_offset, budget_id, sequence_number, "
                        + "event_id, event_type, reason, detail, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fresh,
                BATCH_SIZE,
                (statement, record) -> {
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
        return fresh;
    }

    /** A record's place on the topic, which keeps a held-back record once. */
    private record Place(String topic, int partition, long offset) {

        static Place of(HeldBackRecord record) {
            return new Place(record.topic(), record.partition(), record.offset());
        }
    }

    /** A partition of a topic. */
    private record TopicPartition(String topic, int partition) {}

    /** Which of these places already hold a stored record: one query per partition, over its range of offsets. */
    private Set<Place> storedPlaces(Set<Place> places) {
        Map<TopicPartition, LongSummaryStatistics> offsets = places.stream()
                .collect(Collectors.groupingBy(
                        place -> new TopicPartition(place.topic(), place.partition()),
                        LinkedHashMap::new,
                        Collectors.summarizingLong(Place::offset)));
        Set<Place> stored = new HashSet<>();
        offsets.forEach((partition, range) -> jdbc.query(
                "SELECT record_offset FROM held_back_record WHERE topic = ? AND partition_no = ? "
                        + "AND record_offset BETWEEN ? AND ?",
                row -> {
                    stored.add(new Place(partition.topic(), partition.partition(), row.getLong(1)));
                },
                partition.topic(),
                partition.partition(),
                range.getMin(),
                range.getMax()));
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
        private final List<OutcomeRecord> outcomes = new ArrayList<>();
        private final List<AssessmentRecord> assessments = new ArrayList<>();
        private final List<PersonAct> acts = new ArrayList<>();
        /** Clocks started in this batch, by key, as they stand after the batch's stops. */
        private final Map<ClockKey, TimelinessClock> clocksStarted = new LinkedHashMap<>();
        /** The clock of each budget and kind started in this batch and still running. */
        private final Map<ClockOf, ClockKey> clocksRunning = new HashMap<>();
        /** Stops of clocks stored before this batch, in order; at most one per budget and kind. */
        private final List<ClockChange.Stop> storedClockStops = new ArrayList<>();
        /** The budgets and kinds whose stored clock this batch has stopped, or that it started a clock of. */
        private final Set<ClockOf> storedClocksSettled = new HashSet<>();

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
                    queue.replaceAll(
                            (key, entry) -> entry != null && key.budgetId().equals(moved.budgetId())
                                    ? entry.withAllocatedPractitioner(moved.practitioner())
                                    : entry);
                }
            }
            step.delegations().forEach(row -> delegations.put(new RowKey(row.budgetId(), row.sequence()), row));
            step.plans().forEach(row -> plans.put(new RowKey(row.budgetId(), row.sequence()), row));
            step.contests().forEach(row -> contests.put(new RowKey(row.budgetId(), row.sequence()), row));
            outcomes.addAll(step.outcomes());
            assessments.addAll(step.assessments());
            acts.addAll(step.acts());
            step.clocks().forEach(this::clock);
        }

        /**
         * A stop ends the clock of its kind started in this batch and still running; failing that, the one stored
         * before the batch (an UPDATE of the running row, if there is one), unless this batch already settled it.
         */
        private void clock(ClockChange change) {
            if (change instanceof ClockChange.Start start) {
                TimelinessClock clock = start.clock();
                ClockOf of = new ClockOf(clock.budgetId(), clock.kind());
                ClockKey key = new ClockKey(clock.budgetId(), clock.kind(), clock.sequence());
                clocksStarted.put(key, clock);
                clocksRunning.put(of, key);
                // A clock started here means any stored one of its kind was stopped before (or there was none).
                storedClocksSettled.add(of);
            } else if (change instanceof ClockChange.Stop stop) {
                ClockOf of = new ClockOf(stop.budgetId(), stop.kind());
                ClockKey running = clocksRunning.remove(of);
                if (running != null) {
                    clocksStarted.computeIfPresent(running, (key, clock) -> clock.stopped(stop.at(), stop.end()));
                } else if (storedClocksSettled.add(of)) {
                    storedClockStops.add(stop);
                }
            }
        }

        void flush(int generation) {
            write(
                    Tables.BUDGET_SUMMARY,
                    generation,
                    summaries.values(),
                    row -> loaded.containsKey(row.budgetId()),
                    (binder, row) -> binder.text(row.budgetId().value()));
            insert(Tables.CONTROL_TRAIL, generation, trail);
            insert(Tables.DECISION, generation, decisions);
            // Only a budget projected before this batch has rows stored before it (every projected event writes
            // its budget's summary): the others need no UPDATE or DELETE of stored rows.
            List<Map.Entry<BudgetId, String>> storedReallocations = reallocations.entrySet().stream()
                    .filter(moved -> loaded.containsKey(moved.getKey()))
                    .toList();
            if (!storedReallocations.isEmpty()) {
                jdbc.batchUpdate(
                        "UPDATE approval_queue SET allocated_practitioner = ? WHERE generation = ? "
                                + "AND budget_id = ?",
                        storedReallocations,
                        BATCH_SIZE,
                        (statement, moved) -> new Columns.Binder(statement)
                                .text(moved.getValue())
                                .integer(generation)
                                .text(moved.getKey().value()));
            }
            deleteRows(
                    "approval_queue",
                    "budget_id = ? AND kind = ?",
                    generation,
                    queue.keySet().stream()
                            .filter(key -> loaded.containsKey(key.budgetId()))
                            .toList(),
                    (binder, key) -> binder.text(key.budgetId().value()).name(key.kind()));
            insert(
                    Tables.APPROVAL_QUEUE,
                    generation,
                    queue.values().stream().filter(Objects::nonNull).toList());
            write(
                    Tables.DELEGATION,
                    generation,
                    delegations.values(),
                    row -> existed(row.budgetId(), row.sequence()),
                    (binder, row) -> binder.text(row.budgetId().value()).number(row.sequence()));
            write(
                    Tables.PLAN_CYCLE,
                    generation,
                    plans.values(),
                    row -> existed(row.budgetId(), row.sequence()),
                    (binder, row) -> binder.text(row.budgetId().value()).number(row.sequence()));
            write(
                    Tables.CONTEST,
                    generation,
                    contests.values(),
                    row -> existed(row.budgetId(), row.sequence()),
                    (binder, row) -> binder.text(row.budgetId().value()).number(row.sequence()));
            List<ClockChange.Stop> stops = storedClockStops.stream()
                    .filter(stop -> loaded.containsKey(stop.budgetId()))
                    .toList();
            if (!stops.isEmpty()) {
                jdbc.batchUpdate(
                        STOP_CLOCK,
                        stops,
                        BATCH_SIZE,
                        (statement, stop) -> new Columns.Binder(statement)
                                .instant(stop.at())
                                .name(stop.end())
                                .integer(generation)
                                .text(stop.budgetId().value())
                                .name(stop.kind()));
            }
            insert(Tables.TIMELINESS_CLOCK, generation, clocksStarted.values());
            insert(Tables.OUTCOME, generation, outcomes);
            insert(Tables.ASSESSMENT, generation, assessments);
            insert(Tables.PERSON_ACT, generation, acts);
        }

        /** Updates the rows stored before this batch, in place; inserts the rest. */
        private <T> void write(
                Tables.Table<T> table,
                int generation,
                Collection<T> rows,
                Predicate<T> stored,
                Tables.RowBinder<T> key) {
            List<T> updates = rows.stream().filter(stored).toList();
            List<T> inserts = rows.stream().filter(stored.negate()).toList();
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(
                        table.update(),
                        updates,
                        BATCH_SIZE,
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

    private record QueueKey(BudgetId budgetId, QueueKind kind) {}

    private record ClockOf(BudgetId budgetId, ClockKind kind) {}

    private record ClockKey(BudgetId budgetId, ClockKind kind, long sequence) {}

    private record RowKey(BudgetId budgetId, long sequence) {}

    private <T> void insert(Tables.Table<T> table, int generation, Collection<T> rows) {
        insertRows(
                table.name(),
                "generation, " + String.join(", ", table.columns()),
                rows,
                table::insert,
                (binder, row) -> table.bind(binder, generation, row));
    }

    /**
     * Inserts {@code rows}: on PostgreSQL with one COPY, its fastest way in (no statement per row or per chunk to plan
     * and run, no parameter per value to bind); elsewhere with multi-row INSERTs of {@link #ROWS_PER_INSERT} rows (the
     * rest with fewer), sent as JDBC batches, with only a few statement texts per table, so the driver's statement
     * cache keeps them prepared. Either is part of the batch's transaction.
     */
    private <T> void insertRows(
            String table,
            String columns,
            Collection<T> rows,
            IntFunction<String> insertOf,
            Tables.RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        if (onPostgres()) {
            jdbc.execute((ConnectionCallback<Long>) connection -> {
                BaseConnection postgres = connection.unwrap(BaseConnection.class);
                TimestampUtils timestamps = postgres.getTimestampUtils();
                CopyText copy = copies.get().start(timestamps::toString);
                Columns.Binder fields = new Columns.Binder(copy);
                for (T row : rows) {
                    binder.bind(fields, row);
                    copy.endRow();
                }
                CopyIn in = new CopyManager(postgres).copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
                try {
                    copy.writeTo(in);
                    return in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
            });
            return;
        }
        List<T> all = rows instanceof List<T> list ? list : new ArrayList<>(rows);
        int from = 0;
        for (int size : ROWS_PER_INSERT) {
            int statements = (all.size() - from) / size;
            if (statements == 0) {
                continue;
            }
            List<List<T>> chunks = new ArrayList<>(statements);
            for (int i = 0; i < statements; i++, from += size) {
                chunks.add(all.subList(from, from + size));
            }
            jdbc.batchUpdate(
                    insertStatements.computeIfAbsent(table + "/" + size, key -> insertOf.apply(size)),
                    chunks,
                    BATCH_SIZE,
                    (statement, chunk) -> {
                        Columns.Binder parameters = new Columns.Binder(statement);
                        for (T row : chunk) {
                            binder.bind(parameters, row);
                        }
                    });
        }
    }

    private <K> void deleteRows(
            String table, String condition, int generation, Collection<K> keys, Tables.RowBinder<K> binder) {
        if (!keys.isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM " + table + " WHERE generation = ? AND " + condition,
                    keys,
                    BATCH_SIZE,
                    (statement, key) -> binder.bind(new Columns.Binder(statement).integer(generation), key));
        }
    }

    private Map<BudgetId, BudgetSummary> loadSummaries(int generation, Collection<BudgetId> ids) {
        Map<BudgetId, BudgetSummary> summaries = new HashMap<>();
        if (ids.isEmpty()) {
            return summaries;
        }
        if (onPostgres()) {
            String[] values = ids.stream().map(BudgetId::value).toArray(String[]::new);
            jdbc.query(
                            SUMMARIES_OF_BUDGETS,
                            statement -> {
                                statement.setInt(1, generation);
                                statement.setArray(2, statement.getConnection().createArrayOf("varchar", values));
                            },
                            Tables.BUDGET_SUMMARY.mapper())
                    .forEach(summary -> summaries.put(summary.budgetId(), summary));
            return summaries;
        }
        List<Object[]> keys =
                ids.stream().map(id -> new Object[] {id.value(), generation}).toList();
        // Row values in the primary key's order, not "generation = ? AND budget_id IN (...)": H2 looks those up by
        // the key rather than scanning the whole generation.
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM budget_summary WHERE (budget_id, generation) IN (:keys)";
        for (int from = 0; from < keys.size(); from += IN_LIST_SIZE) {
            var parameters = Map.of("keys", keys.subList(from, Math.min(keys.size(), from + IN_LIST_SIZE)));
            named.query(sql, parameters, Tables.BUDGET_SUMMARY.mapper())
                    .forEach(summary -> summaries.put(summary.budgetId(), summary));
        }
        return summaries;
    }

    private boolean onPostgres() {
        Boolean postgres = this.postgres;
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL"));
            this.postgres = postgres;
        }
        return postgres;
    }
}
