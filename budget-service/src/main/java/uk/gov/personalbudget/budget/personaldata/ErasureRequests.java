package uk.gov.personalbudget.budget.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The erasure requests (table {@code erasure_request}, in the event store's database). */
class ErasureRequests {

    /**
     * One request as stored.
     *
     * @param sealedReason the reason, sealed with the person's key
     */
    record Stored(
            String id,
            PersonReference person,
            String sealedReason,
            String requestedBy,
            Instant requestedAt,
            Instant expiresAt,
            String confirmedBy,
            Instant confirmedAt) {

        boolean isConfirmed() {
            return confirmedAt != null;
        }

        boolean isExpiredAt(Instant now) {
            return !isConfirmed() && !now.isBefore(expiresAt);
        }
    }

    private static final RowMapper<Stored> ROW = (row, i) -> new Stored(
            row.getString("request_id"),
            new PersonReference(row.getString("person_ref")),
            row.getString("reason"),
            row.getString("requested_by"),
            instant(row.getObject("requested_at", OffsetDateTime.class)),
            instant(row.getObject("expires_at", OffsetDateTime.class)),
            row.getString("confirmed_by"),
            instant(row.getObject("confirmed_at", OffsetDateTime.class)));

    private final JdbcTemplate jdbc;

    ErasureRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Stored request) {
        jdbc.update(
                "INSERT INTO erasure_request (request_id, person_ref, reason, requested_by, requested_at, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                request.id(),
                request.person().value(),
                request.sealedReason(),
                request.requestedBy(),
                time(request.requestedAt()),
                time(request.expiresAt()));
    }

    /** The request with this id, if it is one for this person. */
    Optional<Stored> find(String id, PersonReference person) {
        List<Stored> found = jdbc.query(
                "SELECT * FROM erasure_request WHERE request_id = ? AND person_ref = ?", ROW, id, person.value());
        return found.stream().findFirst();
    }

    /** The person's request still awaiting its confirmation at {@code now}, if any. */
    Optional<Stored> awaitingConfirmation(PersonReference person, Instant now) {
        return jdbc
                .query(
                        "SELECT * FROM erasure_request WHERE person_ref = ? AND confirmed_at IS NULL "
                                + "AND expires_at > ? ORDER BY requested_at DESC",
                        ROW,
                        person.value(),
                        time(now))
                .stream()
                .findFirst();
    }

    /**
     * Marks the request confirmed, unless it already is; the row stays locked until the transaction ends, so of two
     * authorities confirming at once, one confirms and the other then finds it confirmed.
     *
     * @return whether this call confirmed it
     */
    boolean confirm(String id, String by, Instant at) {
        return jdbc.update(
                        "UPDATE erasure_request SET confirmed_by = ?, confirmed_at = ? "
                                + "WHERE request_id = ? AND confirmed_at IS NULL",
                        by,
                        time(at),
                        id)
                == 1;
    }

    /** Both databases keep microseconds; storing exactly that makes what is read back equal what was meant. */
    static Instant truncated(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime time(Instant instant) {
        return truncated(instant).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
