package uk.gov.personalbudget.support.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.support.idempotency.IdempotencyStore.Claim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcIdempotencyStoreTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration IN_PROGRESS_TIMEOUT = Duration.ofMinutes(1);
    private static final String FINGERPRINT = "a".repeat(64);
    private static final StoredResponse CREATED = new StoredResponse(
            201,
            Map.of(
                    "Location",
                    "http://localhost/api/v1/budgets/b-1",
                    "ETag",
                    "\"0\"",
                    "Content-Type",
                    "application/json"),
            "{\"id\":\"b-1\"}".getBytes(StandardCharsets.UTF_8));

    private static final int MAX_KEYS = 3;

    private final JdbcTemplate jdbc = KeyTable.create();
    private final MutableClock clock = new MutableClock();
    private final JdbcIdempotencyStore store =
            new JdbcIdempotencyStore(jdbc, new ObjectMapper(), clock, RETENTION, IN_PROGRESS_TIMEOUT, MAX_KEYS);

    @Test
    void aNewKeyIsClaimedAndAnotherClaimSeesItInProgress() {
        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isInstanceOf(Claim.Acquired.class);

        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isEqualTo(new Claim.Held(FINGERPRINT, Optional.empty()));
    }

    @Test
    void aCompletedKeyGivesItsAnswerWithItsHeadersAndBody() {
        String token = acquire("pr-ellis", "k1");
        store.complete("pr-ellis", "k1", token, CREATED);

        assertThat(store.claim("pr-ellis", "k1", "b".repeat(64)))
                .isEqualTo(new Claim.Held(FINGERPRINT, Optional.of(CREATED)));
    }

    @Test
    void anAnswerWithoutABodyOrHeadersIsKeptToo() {
        StoredResponse noContent = new StoredResponse(204, Map.of(), new byte[0]);
        store.complete("pr-ellis", "k1", acquire("pr-ellis", "k1"), noContent);

        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isEqualTo(answered(noContent));
    }

    @Test
    void aCallerHoldsNoMoreKeysThanAllowedButStillGetsTheAnswersOfThoseTheyHold() {
        for (int key = 1; key <= MAX_KEYS; key++) {
            store.complete("pr-ellis", "k" + key, acquire("pr-ellis", "k" + key), CREATED);
        }

        assertThat(store.claim("pr-ellis", "k4", FINGERPRINT)).isEqualTo(new Claim.Exhausted(MAX_KEYS));
        assertThat(store.claim("pr-ellis", "k2", FINGERPRINT)).isEqualTo(answered(CREATED));
        assertThat(store.claim("au-okafor", "k4", FINGERPRINT))
                .as("another caller")
                .isInstanceOf(Claim.Acquired.class);
        clock.advance(RETENTION);
        assertThat(store.claim("pr-ellis", "k4", FINGERPRINT))
                .as("once they expired")
                .isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void keysOfDifferentCallersNeverMeet() {
        store.complete("pr-ellis", "k1", acquire("pr-ellis", "k1"), CREATED);

        assertThat(store.claim("au-okafor", "k1", FINGERPRINT)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void aKeyIsKeptForTheRetentionAndClaimedAfreshAfterIt() {
        store.complete("pr-ellis", "k1", acquire("pr-ellis", "k1"), CREATED);

        clock.advance(RETENTION.minusSeconds(1));
        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isInstanceOf(Claim.Held.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.claim("pr-ellis", "k1", "c".repeat(64))).isInstanceOf(Claim.Acquired.class);
        assertThat(KeyTable.rows(jdbc)).isEqualTo(1);
    }

    @Test
    void aClaimWhoseRequestNeverAnsweredLapsesAfterTheInProgressTimeout() {
        acquire("pr-ellis", "k1");

        clock.advance(IN_PROGRESS_TIMEOUT.minusSeconds(1));
        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isEqualTo(new Claim.Held(FINGERPRINT, Optional.empty()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void aLapsedClaimCanNeitherCompleteNorReleaseTheClaimThatReplacedIt() {
        String lapsed = acquire("pr-ellis", "k1");
        clock.advance(IN_PROGRESS_TIMEOUT);
        String current = acquire("pr-ellis", "k1");

        store.complete("pr-ellis", "k1", lapsed, CREATED);
        store.release("pr-ellis", "k1", lapsed);

        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isEqualTo(new Claim.Held(FINGERPRINT, Optional.empty()));
        store.complete("pr-ellis", "k1", current, CREATED);
        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isEqualTo(answered(CREATED));
    }

    @Test
    void aReleasedClaimFreesTheKeyButAnAnsweredOneStays() {
        String released = acquire("pr-ellis", "k1");
        store.release("pr-ellis", "k1", released);
        assertThat(KeyTable.rows(jdbc)).isZero();

        String answered = acquire("pr-ellis", "k1");
        store.complete("pr-ellis", "k1", answered, CREATED);
        store.release("pr-ellis", "k1", answered);
        assertThat(store.claim("pr-ellis", "k1", FINGERPRINT)).isEqualTo(answered(CREATED));
    }

    @Test
    void purgingDeletesOnlyExpiredKeys() {
        store.complete("pr-ellis", "old", acquire("pr-ellis", "old"), CREATED);
        clock.advance(Duration.ofHours(12));
        store.complete("pr-ellis", "new", acquire("pr-ellis", "new"), CREATED);
        clock.advance(Duration.ofHours(12));

        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotent_request", String.class))
                .containsExactly("new");
    }

    @Test
    void theScheduledCleanupPurgesAndSurvivesAStoreThatIsDown() {
        store.complete("pr-ellis", "old", acquire("pr-ellis", "old"), CREATED);
        clock.advance(RETENTION);
        assertThat(new IdempotencyCleanup(store, Duration.ofHours(1)).purge()).isEqualTo(1);

        jdbc.execute("DROP TABLE idempotent_request");
        assertThat(new IdempotencyCleanup(store, Duration.ofHours(1)).purge()).isEqualTo(-1);
    }

    private static Claim answered(StoredResponse response) {
        return new Claim.Held(FINGERPRINT, Optional.of(response));
    }

    private String acquire(String caller, String key) {
        Claim claim = store.claim(caller, key, FINGERPRINT);
        assertThat(claim).isInstanceOf(Claim.Acquired.class);
        return ((Claim.Acquired) claim).token();
    }
}
