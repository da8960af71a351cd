package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.integrity.EventChainHash;

import java.util.Objects;

/**
 * What a record says about its place in its budget's hash chain, once its own hash has been checked.
 *
 * @param hash         the record's {@code event-hash}, already recomputed from the record and found equal; null for
 *                     a legacy record (stored before budget-service's chain began), which has none
 * @param previousHash its {@code event-previous-hash}; null for a legacy record
 * @param inputs       the inputs of its hash, to follow the chain through legacy records; null when a legacy
 *                     record does not carry them (published before they were)
 */
public record ChainLink(String hash, String previousHash, EventChainHash.Inputs inputs) {

    public ChainLink {
        if (hash != null) {
            Objects.requireNonNull(previousHash, "previousHash");
        }
    }

    public static ChainLink hashed(String hash, String previousHash) {
        return new ChainLink(hash, previousHash, null);
    }

    public static ChainLink legacy(EventChainHash.Inputs inputs) {
        return new ChainLink(null, null, inputs);
    }

    public boolean isLegacy() {
        return hash == null;
    }

    /**
     * The hash of this event given the hash of the one before it (or {@link EventChainHash#GENESIS}): its own for a
     * hashed record, recomputed for a legacy one; null if that cannot be known.
     */
    public String hashAfter(String previous) {
        if (!isLegacy()) {
            return hash;
        }
        return previous == null || inputs == null ? null : EventChainHash.of(previous, inputs);
    }
}
