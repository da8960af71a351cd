package uk.gov.personalbudget.budget.integrity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows, hashes included, that the event store's reader has read for the event stream most recently, by global
 * index ({@link ChainReadingStorageEngine}). Publication takes each event's row from here instead of reading the rows
 * of every batch a second time. At most {@code capacity} rows are kept, the oldest dropped first: rows read for
 * segments another instance publishes are never taken, and a row not found here is read from the store as before.
 */
public final class RecentlyReadRows {

    /** A few batches' worth: publication takes a row within milliseconds of its read, unless it is far behind. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final Map<Long, ChainedEvent> rows;

    public RecentlyReadRows(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.rows = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ChainedEvent> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(ChainedEvent row) {
        rows.put(row.globalIndex(), row);
    }

    /**
     * The row at {@code globalIndex} if it is still kept. It is taken: a batch that is rolled back and retried reads
     * it from the store.
     */
    public synchronized Optional<ChainedEvent> take(long globalIndex) {
        return Optional.ofNullable(rows.remove(globalIndex));
    }

    synchronized int size() {
        return rows.size();
    }
}
