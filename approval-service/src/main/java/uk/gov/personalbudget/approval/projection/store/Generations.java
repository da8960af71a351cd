package uk.gov.personalbudget.approval.projection.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The generations the projections are written in, and the one readers read.
 *
 * <h2>Generations</h2>
 * Every row belongs to a generation. Readers use the one {@code projection_generation} marks CURRENT (every
 * read without a generation argument, through {@link #inCurrent}); a replay writes everything again into a new one
 * from {@link #startGeneration()}, and {@link #promote(int)} makes it current and deletes the others in one
 * transaction, so a reader sees either the old projections or the new, never a mix. Generation numbers only
 * rise: a promoted-away or discarded generation stays listed as RETIRED, without rows, and is never written
 * again.
 */
@Repository
public class Generations {

    private static final String CURRENT = "CURRENT";
    private static final String BUILDING = "BUILDING";
    private static final String RETIRED = "RETIRED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    public Generations(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.writing = new TransactionTemplate(transactions);
        // Several statements, one snapshot: a promotion in between cannot mix two generations in one answer.
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The generation readers use. */
    public int currentGeneration() {
        Integer current = jdbc
                .query(
                        "SELECT generation FROM projection_generation WHERE status = ?",
                        (rs, row) -> rs.getInt(1),
                        CURRENT)
                .stream()
                .findFirst()
                .orElse(null);
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
        return writeTarget().generation();
    }

    /** {@link #writeGeneration()}, and whether it is a generation a replay is building, in one query. */
    public WriteTarget writeTarget() {
        // A generation being built is always newer than the current one: numbers only rise.
        WriteTarget target = jdbc.query(
                "SELECT generation, status FROM projection_generation WHERE status IN (?, ?) "
                        + "ORDER BY generation DESC",
                rs -> rs.next() ? new WriteTarget(rs.getInt(1), BUILDING.equals(rs.getString(2))) : null,
                CURRENT,
                BUILDING);
        if (target == null) {
            throw new IllegalStateException("no projection generation is current");
        }
        return target;
    }

    /** Where a batch of new events is written: {@code generation}, which a replay is {@code rebuilding} or not. */
    public record WriteTarget(int generation, boolean rebuilding) {}

    /** The generation a replay is building, if one was started and neither promoted nor discarded. */
    public Optional<Integer> pendingGeneration() {
        return jdbc
                .query(
                        "SELECT generation FROM projection_generation WHERE status = ? ORDER BY generation DESC",
                        (rs, row) -> rs.getInt(1),
                        BUILDING)
                .stream()
                .findFirst();
    }

    /**
     * A new, empty generation to rebuild into; readers keep the current one. A generation still being built
     * from an earlier start is discarded: one rebuild at a time, the newest wins.
     */
    public int startGeneration() {
        return writing.execute(status -> {
            pendingGeneration().ifPresent(this::deleteGeneration);
            int next = jdbc.queryForObject(
                    "SELECT COALESCE(MAX(generation), 0) + 1 FROM projection_generation", Integer.class);
            jdbc.update(
                    "INSERT INTO projection_generation (generation, status, created_at) VALUES (?, ?, ?)",
                    next,
                    BUILDING,
                    OffsetDateTime.now(ZoneOffset.UTC));
            return next;
        });
    }

    /** Makes {@code generation} the one readers use, and deletes every other generation, in one transaction. */
    public void promote(int generation) {
        writing.executeWithoutResult(status -> {
            require(generation);
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
                all(Tables.CONTEST, generation),
                all(Tables.TIMELINESS_CLOCK, generation),
                all(Tables.OUTCOME, generation),
                all(Tables.ASSESSMENT, generation),
                all(Tables.PERSON_ACT, generation)));
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

    /** @throws UnknownGeneration unless {@code generation} is current or being built */
    void require(int generation) {
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM projection_generation " + "WHERE generation = ? AND status IN (?, ?)",
                Integer.class,
                generation,
                CURRENT,
                BUILDING);
        if (found == null || found == 0) {
            throw new UnknownGeneration(generation);
        }
    }

    /** {@code query} of the current generation, in one read-only snapshot. */
    public <T> T inCurrent(Function<Integer, T> query) {
        return read(() -> query.apply(currentGeneration()));
    }

    /** {@code query} in one read-only snapshot, joining one already open. */
    public <T> T read(Supplier<T> query) {
        return reading.execute(status -> query.get());
    }
}
