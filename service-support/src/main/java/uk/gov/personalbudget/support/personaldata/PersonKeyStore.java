package uk.gov.personalbudget.support.personaldata;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The table {@code person_key} in a database of its own, never the event store's: destroying a key must not
 * touch the history, and the event store's backups must not hold the keys. Its pool and its Flyway are its own
 * and deliberately not Spring beans, so the service's own DataSource, Flyway and transactions stay Spring
 * Boot's. Rows are never deleted: an erased key keeps its id, when and by whom, without its material.
 */
public class PersonKeyStore implements AutoCloseable {

    /** Flyway's history table in the key store, so it never collides with a service's own. */
    static final String HISTORY_TABLE = "person_key_schema_history";

    private static final RowMapper<PersonKey> ROW = (row, i) -> new PersonKey(
            new PersonReference(row.getString("person_ref")),
            row.getString("key_id"),
            row.getBytes("key_material"),
            instant(row.getObject("created_at", OffsetDateTime.class)),
            instant(row.getObject("erased_at", OffsetDateTime.class)),
            row.getString("erased_by"));

    private static final long KEY_STORE_CONNECTION_TIMEOUT_MILLIS = 5_000;

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    private PersonKeyStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Connects lazily (on first use) to the key store; with {@code migrate}, runs its migrations now
     * ({@code classpath:db/keys/h2} or {@code db/keys/postgresql}), which connects at once.
     */
    public static PersonKeyStore open(PersonalDataKeysProperties.Datasource settings, boolean migrate) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("personal-data-keys");
        dataSource.setJdbcUrl(settings.url());
        dataSource.setUsername(settings.username());
        dataSource.setPassword(settings.password());
        dataSource.setMaximumPoolSize(settings.maximumPoolSize());
        // Hikari waits 30 s for a connection by default: longer than callers wait. With the key store down,
        // a command should get its 503 problem within a few seconds instead.
        dataSource.setConnectionTimeout(KEY_STORE_CONNECTION_TIMEOUT_MILLIS);
        if (migrate) {
            try {
                Flyway.configure()
                        .dataSource(dataSource)
                        .table(HISTORY_TABLE)
                        .locations("classpath:db/keys/" + vendor(settings.url()))
                        .load()
                        .migrate();
            } catch (RuntimeException failed) {
                dataSource.close();
                throw failed;
            }
        }
        return new PersonKeyStore(dataSource);
    }

    public Optional<PersonKey> byPerson(PersonReference person) {
        return one(() -> jdbc.query("SELECT * FROM person_key WHERE person_ref = ?", ROW, person.value()));
    }

    public Optional<PersonKey> byKeyId(String keyId) {
        return one(() -> jdbc.query("SELECT * FROM person_key WHERE key_id = ?", ROW, keyId));
    }

    /** The person's key: theirs already (even erased), or a new one made now. */
    public PersonKey createIfAbsent(PersonReference person, Instant now) {
        Optional<PersonKey> existing = byPerson(person);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update(
                    "INSERT INTO person_key (person_ref, key_id, key_material, created_at) VALUES (?, ?, ?, ?)",
                    person.value(),
                    PersonalDataCipher.newKeyId(),
                    PersonalDataCipher.newKeyMaterial(),
                    time(now));
        } catch (DuplicateKeyException concurrentlyCreated) {
            // Another request or instance made it first: theirs is the one.
        } catch (DataAccessException failed) {
            throw unavailable(failed);
        }
        return byPerson(person)
                .orElseThrow(() ->
                        new PersonalDataUnavailable("the key of " + person + " was stored but cannot be read back"));
    }

    /**
     * Destroys the person's key material, once: the first erasure's time and actor stay. Empty when the person
     * has no key.
     */
    public Optional<Erasure> erase(PersonReference person, String by, Instant at) {
        int erased;
        try {
            erased = jdbc.update(
                    "UPDATE person_key SET key_material = NULL, erased_at = ?, erased_by = ? "
                            + "WHERE person_ref = ? AND erased_at IS NULL",
                    time(at),
                    by,
                    person.value());
        } catch (DataAccessException failed) {
            throw unavailable(failed);
        }
        return byPerson(person).map(key -> new Erasure(key, erased == 0));
    }

    /**
     * @param key           the person's key, now without material
     * @param alreadyErased whether an earlier erasure had destroyed it
     */
    public record Erasure(PersonKey key, boolean alreadyErased) {}

    @Override
    public void close() {
        dataSource.close();
    }

    private static Optional<PersonKey> one(Supplier<List<PersonKey>> query) {
        try {
            List<PersonKey> keys = query.get();
            return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
        } catch (DataAccessException failed) {
            throw unavailable(failed);
        }
    }

    private static PersonalDataUnavailable unavailable(DataAccessException failed) {
        return new PersonalDataUnavailable("the personal data key store cannot be reached", failed);
    }

    /** Both databases keep microseconds; storing exactly that makes what is read back equal what was meant. */
    private static OffsetDateTime time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String vendor(String url) {
        DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
        return switch (driver) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            default ->
                throw new IllegalArgumentException(
                        "the personal data key store runs on H2 or PostgreSQL, not " + driver + " (" + url + ")");
        };
    }
}
