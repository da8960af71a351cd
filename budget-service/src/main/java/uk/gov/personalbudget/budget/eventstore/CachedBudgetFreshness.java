package uk.gov.personalbudget.budget.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Keeps a budget cached by this instance equal to the budget the event store holds. Several instances share one
 * event store: once another instance has stored an event of a budget, this instance's cached copy is stale, and a
 * command decided on it would be refused by a rule it no longer breaks (or by the store's unique sequence). So
 * before a cached budget is used, its version is compared with the last sequence number stored for it (one
 * index-only query). A copy behind the store catches up by applying only the events it missed, as Axon applies a
 * budget's events when it loads one ({@value #RELOADS} counts them); a copy that cannot (ahead of the store, or an
 * event that does not apply) is dropped, and Axon loads the budget from its snapshot and events instead.
 */
final class CachedBudgetFreshness implements BoundedAggregateCache.EntryCheck {

    static final String RELOADS = "budget.aggregate.reloads";
    private static final Logger log = LoggerFactory.getLogger(CachedBudgetFreshness.class);

    private final EventStorageEngine events;
    private final Counter reloads;

    CachedBudgetFreshness(EventStorageEngine events, MeterRegistry meters) {
        this.events = events;
        this.reloads = Counter.builder(RELOADS)
                .description("Commands whose cached budget was older than the event store (another instance had"
                        + " changed it), so it was brought up to date from the store")
                .register(meters);
    }

    @Override
    public boolean makeCurrent(Object key, Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return true;
        }
        String budget = String.valueOf(key);
        EventSourcedAggregate<?> aggregate = aggregateOf(cached);
        Long version = aggregate.version();
        Optional<Long> stored = events.lastSequenceNumberFor(budget);
        if (version == null || stored.isEmpty() || stored.get() < version) {
            return false;
        }
        if (stored.get().equals(version)) {
            return true;
        }
        reloads.increment();
        try {
            aggregate.initializeState(events.readEvents(budget, version + 1));
        } catch (RuntimeException failed) {
            log.warn(
                    "cached budget {} could not catch up from version {}; loading it from the store",
                    budget,
                    version,
                    failed);
            return false;
        }
        return stored.get().equals(aggregate.version());
    }

    /**
     * The cached aggregate itself. An in-memory entry holds it, and recreating hands it back as it is (nothing is
     * rebuilt, none of the arguments is used); {@code CachedBudgetFreshnessTest} pins that down.
     */
    private static EventSourcedAggregate<?> aggregateOf(AggregateCacheEntry<?> cached) {
        return cached.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE);
    }
}
