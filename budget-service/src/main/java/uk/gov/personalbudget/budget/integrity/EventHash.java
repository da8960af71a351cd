package uk.gov.personalbudget.budget.integrity;

import uk.gov.personalbudget.contracts.integrity.EventChainHash;

/**
 * A stored event's hash in its budget's hash chain: {@link EventChainHash}, the formula both services share, over the
 * stored row (docs/security.md, "Tamper evidence").
 */
public final class EventHash {

    /** The previous hash of a budget's first event. */
    public static final String GENESIS = EventChainHash.GENESIS;

    private EventHash() {}

    /** The hash of {@code event} chained to {@code previousHash} (64 hex digits). */
    public static String of(String previousHash, StoredEvent event) {
        return EventChainHash.of(
                previousHash,
                new EventChainHash.Inputs(
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        event.eventIdentifier(),
                        event.type(),
                        event.timestamp(),
                        event.payloadType(),
                        event.payloadRevision(),
                        event.payload(),
                        event.metaData()));
    }
}
