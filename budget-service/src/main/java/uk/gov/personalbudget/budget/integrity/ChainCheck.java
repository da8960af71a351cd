package uk.gov.personalbudget.budget.integrity;

import uk.gov.personalbudget.contracts.api.ChainVerification;
import uk.gov.personalbudget.contracts.api.ChainVerification.ChainHead;
import uk.gov.personalbudget.contracts.api.ChainVerification.Mismatch;
import uk.gov.personalbudget.contracts.api.ChainVerification.MismatchKind;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/**
 * Recomputes one budget's hash chain from its stored events, fed in sequence order, and finds the first event that
 * does not match. Each hash is recomputed from the stored columns and the hash recomputed for the event before, never
 * from a stored hash alone, so a change anywhere shows at the first changed event.
 */
final class ChainCheck {

    private final long lastLegacyGlobalIndex;
    private String expectedPrevious = EventHash.GENESIS;
    private long checked;
    private long legacy;
    private boolean chainSeen;
    private Mismatch mismatch;
    private ChainedEvent last;

    /** @param lastLegacyGlobalIndex the global index of the last event stored before the chain began (0 if none) */
    ChainCheck(long lastLegacyGlobalIndex) {
        this.lastLegacyGlobalIndex = lastLegacyGlobalIndex;
    }

    /** Checks the budget's next event; after the first mismatch it only notes the event as the latest. */
    void accept(ChainedEvent row) {
        last = row;
        if (mismatch != null) {
            return;
        }
        checked++;
        StoredEvent event = row.event();
        long expectedSequence = checked - 1;
        if (event.sequenceNumber() != expectedSequence) {
            mismatch = mismatch(
                    event,
                    MismatchKind.SEQUENCE_GAP,
                    Long.toString(expectedSequence),
                    Long.toString(event.sequenceNumber()),
                    expectedSequence == 0
                            ? "the budget's first stored event has sequence " + event.sequenceNumber() + ", not 0"
                            : "event " + event.sequenceNumber() + " follows event " + (expectedSequence - 1) + ": "
                                    + (event.sequenceNumber() > expectedSequence
                                            ? "events between them are missing"
                                            : "the sequence goes backwards"));
            return;
        }
        String recomputed = EventHash.of(expectedPrevious, event);
        if (row.hash() == null) {
            // Legacy events come first, all stored before the chain began; any other event without a hash lost it.
            if (chainSeen || row.globalIndex() > lastLegacyGlobalIndex) {
                mismatch = mismatch(
                        event,
                        MismatchKind.MISSING_HASH,
                        recomputed,
                        null,
                        "the event has no hash, but it was stored after the hash chain began");
                return;
            }
            legacy++;
        } else {
            chainSeen = true;
            if (!expectedPrevious.equals(row.previousHash())) {
                mismatch = mismatch(
                        event,
                        MismatchKind.LINK,
                        expectedPrevious,
                        row.previousHash(),
                        "the event's previous hash is not the hash of the event before it: an event was inserted, "
                                + "removed or reordered here, or the event before it was changed and given a new hash");
                return;
            }
            if (!recomputed.equals(row.hash())) {
                mismatch = mismatch(
                        event,
                        MismatchKind.CONTENT,
                        recomputed,
                        row.hash(),
                        "the event's stored content or its stored hash was changed after it was stored");
                return;
            }
        }
        expectedPrevious = recomputed;
    }

    /** Whether any event was fed at all. */
    boolean isEmpty() {
        return last == null;
    }

    ChainVerification result(BudgetId budget, Instant checkedAt) {
        ChainHead head = last == null ? null : new ChainHead(last.event().sequenceNumber(), last.hash());
        return new ChainVerification(budget, mismatch == null, checked, legacy, head, mismatch, checkedAt);
    }

    private static Mismatch mismatch(
            StoredEvent event, MismatchKind kind, String expected, String found, String explanation) {
        return new Mismatch(
                event.sequenceNumber(), simpleName(event.payloadType()), kind, expected, found, explanation);
    }

    private static String simpleName(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
