package uk.gov.personalbudget.support.idempotency;

import java.util.Optional;

/**
 * Where a service keeps the {@code Idempotency-Key}s its callers sent, one entry per caller and key: the
 * fingerprint of the request that first used it and, once it was answered, that answer. Expired entries count
 * as absent.
 */
public interface IdempotencyStore {

    /**
     * Claims the key for a request with this fingerprint, unless an unexpired entry holds it already.
     *
     * @return {@link Claim.Acquired} when this request may run, else what the key holds
     */
    Claim claim(String caller, String key, String fingerprint);

    /** Remembers the answer of the request that holds the claim {@code token}. */
    void complete(String caller, String key, String token, StoredResponse response);

    /** Forgets the claim {@code token}, so the key's next request runs (the answer was not worth keeping). */
    void release(String caller, String key, String token);

    /** Deletes every expired entry; the number deleted. */
    int purgeExpired();

    /** What claiming a key gave. */
    sealed interface Claim {

        /** The key is this request's; {@code token} identifies the claim when completing or releasing it. */
        record Acquired(String token) implements Claim {}

        /**
         * The key was already used, by a request with {@code fingerprint}; {@code response} is its answer, or
         * empty while that request is still running.
         */
        record Held(String fingerprint, Optional<StoredResponse> response) implements Claim {}

        /** The key is new, and the caller already holds as many unexpired keys as they may. */
        record Exhausted(int maxKeysPerCaller) implements Claim {}
    }
}
