package uk.gov.personalbudget.budget.integrity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows, hashes included, that the event store's reader has read for the event stream most recently, by event
 * identifier ({@link ChainReadingStorageEngine}). Publication takes each event's row from here instead of reading the
 * rows of every batch a second time. By identifier, not global index: a tracked event that fills a gap carries its
 * token's highest index, not its own. At most {@code capacity} rows are kept, the oldest dropped first: rows read for
 * segments another instance publishes are never taken, and a row not found here is read from the store as before.
 */
public final class RecentlyReadRows {

    /** A few batches' worth: publication takes a row within milliseconds of its read, unless it is far behind. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final Map<String, ChainedEvent> rows;

    public RecentlyReadRows(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.rows = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ChainedEvent> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(ChainedEvent row) {
        rows.put(row.event().eventIdentifier(), row);
    }

    /**
     * The event's row if it is still kept. It is taken: a batch that is rolled back and retried reads it from the
     * store.
     */
    public synchronized Optional<ChainedEvent> take(String eventIdentifier) {
        return Optional.ofNullable(rows.remove(eventIdentifier));
    }

    synchronized int size() {
        return rows.size();
    }
}
