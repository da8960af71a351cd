package uk.gov.personalbudget.budget.integrity;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import uk.gov.personalbudget.contracts.api.ChainVerification;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Budgets' hash chains as stored: each event's hash, and the check of a whole chain against the stored events. */
@Service
public class TamperEvidence {

    private final JdbcTemplate jdbc;
    private final EventSchema schema;
    private final Clock clock;

    public TamperEvidence(JdbcTemplate jdbc, EventSchema schema, Clock clock) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.clock = clock;
    }

    /** Recomputes the budget's chain from the raw rows of the event store, in sequence order; empty if it has none. */
    public Optional<ChainVerification> verify(BudgetId budget) {
        Long lastLegacy = jdbc.queryForObject(ChainSql.CHAIN_START, Long.class);
        ChainCheck check = new ChainCheck(lastLegacy == null ? 0 : lastLegacy);
        jdbc.query(
                ChainSql.eventsBefore(schema),
                (RowCallbackHandler) row -> check.accept(ChainSql.read(row)),
                budget.value(),
                Long.MAX_VALUE);
        return check.isEmpty() ? Optional.empty() : Optional.of(check.result(budget, clock.instant()));
    }

    /** The stored hash of each of the budget's events, by sequence number; legacy events have none. */
    public Map<Long, String> hashesOf(BudgetId budget) {
        Map<Long, String> hashes = new HashMap<>();
        jdbc.query(
                ChainSql.hashesOf(schema),
                (RowCallbackHandler) row -> hashes.put(row.getLong(1), row.getString(2)),
                budget.value());
        return hashes;
    }

    /** The stored hash of one event; empty for a legacy event, or one that is not stored. */
    public Optional<String> hashOf(String eventIdentifier) {
        List<String> hashes = jdbc.queryForList(ChainSql.hashOfEvent(schema), String.class, eventIdentifier);
        return hashes.stream().filter(hash -> hash != null).findFirst();
    }

    /**
     * One event's row as stored, with its place in the chain (previous hash and hash null for a legacy event):
     * what the publication puts on each record so that consumers can recompute its hash ({@link EventHash}).
     * Empty for an event that is not stored.
     */
    public Optional<ChainedEvent> storedEvent(String eventIdentifier) {
        List<ChainedEvent> rows =
                jdbc.query(ChainSql.eventWithId(schema), (row, number) -> ChainSql.read(row), eventIdentifier);
        return rows.stream().findFirst();
    }

    /** Up to {@code limit} stored events with their place in the chain, from {@code globalIndex} on. */
    public List<ChainedEvent> storedEventsFrom(long globalIndex, int limit) {
        return jdbc.query(ChainSql.eventsFrom(schema), (row, number) -> ChainSql.read(row), globalIndex, limit);
    }
}
