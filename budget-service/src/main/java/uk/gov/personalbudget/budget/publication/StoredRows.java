package uk.gov.personalbudget.budget.publication;

import uk.gov.personalbudget.budget.integrity.ChainedEvent;

import java.util.List;
import java.util.Optional;

/**
 * Where publication finds each event's row as stored, bytes and hashes ({@link KafkaEventPublisher}): kept from the
 * event store's own read of the stream, read ahead for a batch, or read alone.
 */
interface StoredRows {

    /** An event's row by id, with its place in the hash chain; empty if it is not stored (its record has no hash). */
    Optional<ChainedEvent> byId(String eventIdentifier);

    /** Up to {@code limit} stored rows from {@code globalIndex} on; none unless the rows can be read so. */
    default List<ChainedEvent> from(long globalIndex, int limit) {
        return List.of();
    }

    /** An event's row as the event store's read of the stream kept it, if it still does; nothing is read. */
    default Optional<ChainedEvent> keptFromTheStream(String eventIdentifier) {
        return Optional.empty();
    }
}
