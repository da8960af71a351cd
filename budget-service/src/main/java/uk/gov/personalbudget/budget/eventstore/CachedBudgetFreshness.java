package uk.gov.personalbudget.budget.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a budget cached by this instance is still the budget the event store holds. Several instances share one
 * event store: once another instance has stored an event of a budget, this instance's cached copy is stale, and a
 * command decided on it would be refused by a rule it no longer breaks (or refused by the store's unique sequence).
 * So before a cached budget is used, its version is compared with the last sequence number stored for it (one
 * index-only query); a stale copy is dropped, and Axon loads the budget from its snapshot and events instead.
 * Each such reload is counted in {@value #RELOADS}.
 */
final class CachedBudgetFreshness implements BoundedAggregateCache.EntryCheck {

    static final String RELOADS = "budget.aggregate.reloads";

    private final EventStorageEngine events;
    private final Counter reloads;

    CachedBudgetFreshness(EventStorageEngine events, MeterRegistry meters) {
        this.events = events;
        this.reloads = Counter.builder(RELOADS)
                .description("Commands whose cached budget was older than the event store (another instance had"
                        + " changed it), so the budget was loaded from the store")
                .register(meters);
    }

    @Override
    public boolean isCurrent(Object key, Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return true;
        }
        Optional<Long> stored = events.lastSequenceNumberFor(String.valueOf(key));
        if (Objects.equals(stored.orElse(null), versionOf(cached))) {
            return true;
        }
        reloads.increment();
        return false;
    }

    /**
     * The cached aggregate's version. An in-memory entry holds the aggregate itself, which recreating returns as it
     * is (nothing is rebuilt, none of the arguments is used); {@code CachedBudgetFreshnessTest} pins that down.
     */
    private static Long versionOf(AggregateCacheEntry<?> cached) {
        EventSourcedAggregate<?> aggregate = cached.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE);
        return aggregate.version();
    }
}
