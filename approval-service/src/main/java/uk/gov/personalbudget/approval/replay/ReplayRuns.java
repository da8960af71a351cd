package uk.gov.personalbudget.approval.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.replay.ReplayRun.Phase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code replay_run} table: every instance reads the active run from it, and each step of a run is one
 * update guarded by the phase it leaves, so two instances trying the same step change the row once.
 */
@Repository
class ReplayRuns {

    private static final TypeReference<Map<Integer, Long>> OFFSETS = new TypeReference<>() {};
    private static final String COLUMNS = "id, requested_by, phase, generation, begin_offsets, end_offsets, "
            + "events_processed, events_total, requested_at, finished_at, failure";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RowMapper<ReplayRun> mapper = this::map;

    ReplayRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new run, PAUSING.
     *
     * @throws org.springframework.dao.DuplicateKeyException if another run is active
     */
    void insertPausing(UUID id, String requestedBy, Instant at) {
        jdbc.update(
                "INSERT INTO replay_run (id, requested_by, phase, active, events_processed, events_total, "
                        + "requested_at) VALUES (?, ?, 'PAUSING', 'Y', 0, 0, ?)",
                id.toString(),
                requestedBy,
                timestamp(at));
    }

    /**
     * A run already REBUILDING into {@code generation}: a rebuild a version without this table left behind.
     *
     * @throws org.springframework.dao.DuplicateKeyException if another run is active
     */
    void insertRebuilding(
            UUID id, String requestedBy, int generation, Map<Integer, Long> begin, Map<Integer, Long> end, Instant at) {
        jdbc.update(
                "INSERT INTO replay_run (id, requested_by, phase, active, generation, begin_offsets, end_offsets, "
                        + "events_processed, events_total, requested_at) VALUES (?, ?, 'REBUILDING', 'Y', ?, ?, ?, 0, ?, ?)",
                id.toString(),
                requestedBy,
                generation,
                write(begin),
                write(end),
                ReplayRun.total(begin, end),
                timestamp(at));
    }

    Optional<ReplayRun> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM replay_run WHERE active = 'Y'", mapper).stream()
                .findFirst();
    }

    Optional<ReplayRun> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM replay_run WHERE id = ?", mapper, id.toString()).stream()
                .findFirst();
    }

    /** The run, its row locked until the surrounding transaction ends. */
    Optional<ReplayRun> lock(UUID id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM replay_run WHERE id = ? FOR UPDATE", mapper, id.toString())
                .stream()
                .findFirst();
    }

    /** PAUSING to REBUILDING; false if the run had left PAUSING already. */
    boolean rebuilding(UUID id, int generation, Map<Integer, Long> begin, Map<Integer, Long> end) {
        return jdbc.update(
                        "UPDATE replay_run SET phase = 'REBUILDING', generation = ?, begin_offsets = ?, "
                                + "end_offsets = ?, events_total = ? WHERE id = ? AND phase = 'PAUSING'",
                        generation,
                        write(begin),
                        write(end),
                        ReplayRun.total(begin, end),
                        id.toString())
                == 1;
    }

    void progress(UUID id, long processed) {
        jdbc.update(
                "UPDATE replay_run SET events_processed = ? WHERE id = ? AND phase = 'REBUILDING'",
                processed,
                id.toString());
    }

    /** REBUILDING to DONE; false if another instance got there first. */
    boolean done(UUID id, long processed, Instant at) {
        return jdbc.update(
                        "UPDATE replay_run SET phase = 'DONE', active = NULL, events_processed = ?, finished_at = ? "
                                + "WHERE id = ? AND phase = 'REBUILDING'",
                        processed,
                        timestamp(at),
                        id.toString())
                == 1;
    }

    /** PAUSING to FAILED; false if the run had left PAUSING already. */
    boolean failed(UUID id, String reason, Instant at) {
        String failure = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return jdbc.update(
                        "UPDATE replay_run SET phase = 'FAILED', active = NULL, failure = ?, finished_at = ? "
                                + "WHERE id = ? AND phase = 'PAUSING'",
                        failure,
                        timestamp(at),
                        id.toString())
                == 1;
    }

    private ReplayRun map(ResultSet rs, int row) throws SQLException {
        return new ReplayRun(
                UUID.fromString(rs.getString("id")),
                rs.getString("requested_by"),
                Phase.valueOf(rs.getString("phase")),
                rs.getObject("generation", Integer.class),
                read(rs.getString("begin_offsets")),
                read(rs.getString("end_offsets")),
                rs.getLong("events_processed"),
                rs.getLong("events_total"),
                instant(rs, "requested_at"),
                instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private String write(Map<Integer, Long> offsets) {
        try {
            return JSON.writeValueAsString(offsets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("offsets not written as JSON", e);
        }
    }

    private Map<Integer, Long> read(String offsets) {
        if (offsets == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(offsets, OFFSETS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replay_run offsets are not JSON: " + offsets, e);
        }
    }
}
