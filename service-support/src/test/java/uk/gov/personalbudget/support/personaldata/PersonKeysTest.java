package uk.gov.personalbudget.support.personaldata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key store on H2 (migrated by its own Flyway), the key cache and erasure. */
class PersonKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    private final PersonalDataKeysProperties.Datasource database = new PersonalDataKeysProperties.Datasource(
            "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    private final PersonKeyStore store = PersonKeyStore.open(database, true);
    private final AtomicLong nanos = new AtomicLong();
    private final PersonKeys keys = new PersonKeys(store, TTL, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
    private final PersonReference person =
            new PersonReference("P-" + UUID.randomUUID().toString().substring(0, 8));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPersonGetsOneKeyWithARandomIdOnFirstUse() {
        PersonKey key = keys.forSealing(person);

        assertThat(key.person()).isEqualTo(person);
        assertThat(key.keyId()).hasSize(22).doesNotContain(person.value());
        assertThat(key.material()).hasSize(32);
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(store.createIfAbsent(person, NOW.plusSeconds(60)).keyId()).isEqualTo(key.keyId());
        assertThat(keys.byKeyId(key.keyId()).material()).isEqualTo(key.material());
    }

    @Test
    void erasureDestroysTheMaterialKeepsWhenAndByWhomAndIsFinal() {
        PersonKey key = keys.forSealing(person);

        PersonKeyStore.Erasure first = keys.erase(person, "au-okafor").orElseThrow();
        PersonKeyStore.Erasure repeat = keys.erase(person, "au-someone-else").orElseThrow();
        PersonKey erased = first.key();
        PersonKey again = repeat.key();

        assertThat(first.alreadyErased()).isFalse();
        assertThat(repeat.alreadyErased()).isTrue();
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.keyId()).isEqualTo(key.keyId());
        assertThat(erased.erasedAt()).isEqualTo(NOW);
        assertThat(erased.erasedBy()).isEqualTo("au-okafor");
        assertThat(again.erasedBy()).as("the first erasure stays").isEqualTo("au-okafor");
        assertThat(keys.byKeyId(key.keyId()).isErased()).isTrue();
        assertThatThrownBy(() -> keys.forSealing(person)).isInstanceOf(PersonalDataErased.class);
    }

    @Test
    void erasingSomeoneWithoutAKeyFindsNothing() {
        assertThat(keys.erase(person, "au-okafor")).isEmpty();
        assertThat(keys.of(person)).isEmpty();
    }

    @Test
    void anotherProcessKeepsADestroyedKeyOnlyUntilItsCopyIsOlderThanTheTtl() {
        PersonKey key = keys.forSealing(person);
        PersonKeys otherProcess = new PersonKeys(store, TTL, Clock.systemUTC(), nanos::get);
        assertThat(otherProcess.byKeyId(key.keyId()).isErased()).isFalse();

        keys.erase(person, "au-okafor");

        assertThat(otherProcess.byKeyId(key.keyId()).isErased())
                .as("within the TTL")
                .isFalse();
        nanos.addAndGet(TTL.toNanos());
        assertThat(otherProcess.byKeyId(key.keyId()).isErased())
                .as("after the TTL")
                .isTrue();
    }

    @Test
    void anUnknownKeyIdIsAnUnavailableKeyStoreNeverAnErasure() {
        assertThatThrownBy(() -> keys.byKeyId(PersonalDataCipher.newKeyId()))
                .isInstanceOf(PersonalDataUnavailable.class);
    }

    @Test
    void theReaderOpensSealedValuesAlsoWithinATextAndShowsErasedOnceTheKeyIsGone() {
        PersonKey key = keys.forSealing(person);
        PersonalDataReader reader = new PersonalDataReader(keys);
        String sealed = PersonalDataCipher.seal(key.keyId(), key.secretKey(), "Keep receipts");
        String joined = "conditions: " + sealed + "; direct payment £100.00 a week";

        assertThat(reader.reveal(sealed)).isEqualTo("Keep receipts");
        assertThat(reader.revealWithin(joined)).isEqualTo("conditions: Keep receipts; direct payment £100.00 a week");
        assertThat(reader.reveal("plain text")).isEqualTo("plain text");
        assertThat(reader.revealWithin(null)).isNull();

        keys.erase(person, "au-okafor");

        assertThat(reader.reveal(sealed)).isEqualTo("[erased]");
        assertThat(reader.revealWithin(joined)).isEqualTo("conditions: [erased]; direct payment £100.00 a week");
    }

    @Test
    void withinABudgetOnlyValuesSealedWithItsOwnPersonsKeyAreOpenedAndOthersNeverReachTheKeyStore() {
        PersonKey own = keys.forSealing(person);
        PersonKey someoneElses = keys.forSealing(new PersonReference("P-9999"));
        PersonalDataReader reader = new PersonalDataReader(keys);
        String mine = PersonalDataCipher.seal(own.keyId(), own.secretKey(), "Keep receipts");
        String copied =
                PersonalDataCipher.seal(someoneElses.keyId(), someoneElses.secretKey(), "Another person's needs");
        String planted = "pd:v1:" + PersonalDataCipher.newKeyId() + ":" + "A".repeat(40);

        assertThat(reader.revealWithin("conditions: " + mine + "; " + copied + "; " + planted, person))
                .isEqualTo("conditions: Keep receipts; [not opened]; [not opened]");
        assertThat(reader.revealWithin(mine, new PersonReference("P-0000")))
                .as("a person with no key")
                .isEqualTo("[not opened]");
    }
}
