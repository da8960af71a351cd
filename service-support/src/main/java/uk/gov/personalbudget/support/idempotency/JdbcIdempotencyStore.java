package uk.gov.personalbudget.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keys in the service's own database, table {@value #TABLE} (each service creates it with its own Flyway
 * migration). The primary key (caller, key) decides which of two simultaneous requests claims a key: the
 * other's insert fails, whatever the number of service instances.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    public static final String TABLE = "idempotent_request";

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    /** Claiming retries after deleting an expired entry; another request may claim the key in between. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;
    private final Duration inProgressTimeout;
    private final int maxKeysPerCaller;

    public JdbcIdempotencyStore(
            JdbcTemplate jdbc,
            ObjectMapper json,
            Clock clock,
            Duration retention,
            Duration inProgressTimeout,
            int maxKeysPerCaller) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
        this.inProgressTimeout = inProgressTimeout;
        this.maxKeysPerCaller = maxKeysPerCaller;
    }

    @Override
    public Claim claim(String caller, String key, String fingerprint) {
        if (holdsTheMostKeys(caller) && find(caller, key).isEmpty()) {
            return new Claim.Exhausted(maxKeysPerCaller);
        }
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            try {
                jdbc.update(
                        "INSERT INTO " + TABLE + " (caller, idempotency_key, request_hash, claim_token, created_at,"
                                + " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                        caller,
                        key,
                        fingerprint,
                        token,
                        utc(now),
                        utc(now.plus(retention)));
                return new Claim.Acquired(token);
            } catch (DuplicateKeyException held) {
                Optional<Entry> entry = find(caller, key);
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.get().isStale(now, inProgressTimeout)) {
                    jdbc.update(
                            "DELETE FROM " + TABLE + " WHERE caller = ? AND idempotency_key = ? AND claim_token = ?",
                            caller,
                            key,
                            entry.get().token());
                    continue;
                }
                return new Claim.Held(entry.get().fingerprint(), entry.get().response());
            }
        }
        throw new IllegalStateException("could not claim an idempotency key that keeps changing hands");
    }

    /** Counts the caller's unexpired keys, and no further than the limit (the primary key starts with the caller). */
    private boolean holdsTheMostKeys(String caller) {
        Integer held = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT 1 FROM " + TABLE + " WHERE caller = ? AND expires_at > ? LIMIT ?) held",
                Integer.class,
                caller,
                utc(clock.instant()),
                maxKeysPerCaller);
        return held != null && held >= maxKeysPerCaller;
    }

    @Override
    public void complete(String caller, String key, String token, StoredResponse response) {
        jdbc.update(
                "UPDATE " + TABLE + " SET response_status = ?, response_headers = ?, response_body = ?"
                        + " WHERE caller = ? AND idempotency_key = ? AND claim_token = ?",
                response.status(),
                write(response.headers()),
                response.body(),
                caller,
                key,
                token);
    }

    @Override
    public void release(String caller, String key, String token) {
        jdbc.update(
                "DELETE FROM " + TABLE + " WHERE caller = ? AND idempotency_key = ? AND claim_token = ?"
                        + " AND response_status IS NULL",
                caller,
                key,
                token);
    }

    @Override
    public int purgeExpired() {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE expires_at <= ?", utc(clock.instant()));
    }

    private Optional<Entry> find(String caller, String key) {
        List<Entry> entries = jdbc.query(
                "SELECT request_hash, claim_token, created_at, expires_at, response_status,"
                        + " response_headers, response_body FROM " + TABLE
                        + " WHERE caller = ? AND idempotency_key = ?",
                (row, number) -> {
                    int status = row.getInt("response_status");
                    Optional<StoredResponse> response = row.wasNull()
                            ? Optional.empty()
                            : Optional.of(new StoredResponse(
                                    status,
                                    read(row.getString("response_headers")),
                                    bytes(row.getBytes("response_body"))));
                    return new Entry(
                            row.getString("request_hash"),
                            row.getString("claim_token"),
                            row.getObject("created_at", OffsetDateTime.class).toInstant(),
                            row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                            response);
                },
                caller,
                key);
        return entries.stream().findFirst();
    }

    private record Entry(
            String fingerprint, String token, Instant createdAt, Instant expiresAt, Optional<StoredResponse> response) {

        /** Expired, or claimed by a request that has not answered for too long (most likely its instance died). */
        boolean isStale(Instant now, Duration inProgressTimeout) {
            return !expiresAt.isAfter(now)
                    || (response.isEmpty() && !createdAt.plus(inProgressTimeout).isAfter(now));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write response headers as JSON", e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return headers == null ? Map.of() : json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response headers are not JSON", e);
        }
    }
}
