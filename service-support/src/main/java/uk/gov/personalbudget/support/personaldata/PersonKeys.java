package uk.gov.personalbudget.support.personaldata;

import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The persons' keys, read from the {@link PersonKeyStore} and kept in memory for a short while (the TTL), so
 * reading a budget's events does not query the key store once per personal field. An erasure through this
 * process forgets the key here at once; another process may go on using it until its copy is older than the
 * TTL.
 */
public class PersonKeys {

    /** Beyond this many cached keys, expired ones are swept out before another is added. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Cached(PersonKey key, long readAtNanos) {}

    private final PersonKeyStore store;
    private final long ttlNanos;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Map<PersonReference, Cached> byPerson = new ConcurrentHashMap<>();
    private final Map<String, Cached> byKeyId = new ConcurrentHashMap<>();

    public PersonKeys(PersonKeyStore store, Duration ttl, Clock clock) {
        this(store, ttl, clock, System::nanoTime);
    }

    PersonKeys(PersonKeyStore store, Duration ttl, Clock clock, LongSupplier nanoTime) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /**
     * The key to seal the person's personal text with, made now if the person has none yet.
     *
     * @throws PersonalDataErased when the person's key was destroyed
     */
    public PersonKey forSealing(PersonReference person) {
        PersonKey key =
                fresh(byPerson.get(person)).orElseGet(() -> remember(store.createIfAbsent(person, clock.instant())));
        if (key.isErased()) {
            throw new PersonalDataErased(person, key.erasedAt());
        }
        return key;
    }

    /**
     * The key a sealed value names; an erased key has no material.
     *
     * @throws PersonalDataUnavailable when the key store does not know the key id
     */
    public PersonKey byKeyId(String keyId) {
        return fresh(byKeyId.get(keyId))
                .orElseGet(() -> remember(store.byKeyId(keyId)
                        .orElseThrow(() -> new PersonalDataUnavailable("the key store has no key " + keyId
                                + ": is this service pointed at the key store that sealed it?"))));
    }

    /** The person's key as the store holds it now, if they have one. */
    public Optional<PersonKey> of(PersonReference person) {
        return store.byPerson(person);
    }

    /**
     * Destroys the person's key (once; a repeat answers the first erasure) and forgets it here. Empty when the
     * person has no key.
     */
    public Optional<PersonKeyStore.Erasure> erase(PersonReference person, String by) {
        Optional<PersonKeyStore.Erasure> erasure = store.erase(person, by, clock.instant());
        byPerson.remove(person);
        erasure.ifPresent(erased -> byKeyId.remove(erased.key().keyId()));
        return erasure;
    }

    private Optional<PersonKey> fresh(Cached cached) {
        return cached != null && nanoTime.getAsLong() - cached.readAtNanos() < ttlNanos
                ? Optional.of(cached.key())
                : Optional.empty();
    }

    private PersonKey remember(PersonKey key) {
        if (ttlNanos > 0) {
            if (byKeyId.size() > SWEEP_ABOVE) {
                long now = nanoTime.getAsLong();
                byPerson.values().removeIf(cached -> now - cached.readAtNanos() >= ttlNanos);
                byKeyId.values().removeIf(cached -> now - cached.readAtNanos() >= ttlNanos);
            }
            Cached cached = new Cached(key, nanoTime.getAsLong());
            byPerson.put(key.person(), cached);
            byKeyId.put(key.keyId(), cached);
        }
        return key;
    }
}
