package uk.gov.personalbudget.budget.eventstore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class CachedBudgetFreshnessTest {

    private static final String BUDGET = "budget-1";

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CachedBudgetFreshness freshness = new CachedBudgetFreshness(events, meters);

    @Test
    void aCachedBudgetAtTheStoredSequenceIsCurrent() {
        store(0, 1, 2);

        assertThat(freshness.isCurrent(BUDGET, cachedAt(2))).isTrue();
        assertThat(reloads()).isZero();
    }

    @Test
    void aCachedBudgetBehindTheStoreIsStaleAndCounted() {
        store(0, 1, 2, 3);

        assertThat(freshness.isCurrent(BUDGET, cachedAt(2))).isFalse();
        assertThat(reloads()).isEqualTo(1);
    }

    @Test
    void aCachedBudgetTheStoreDoesNotHoldIsStale() {
        assertThat(freshness.isCurrent(BUDGET, cachedAt(0))).isFalse();
    }

    @Test
    void recreatingAnInMemoryEntryHandsBackTheCachedAggregateWithItsVersion() {
        // The freshness check reads the version this way; should Axon ever rebuild here, this fails first.
        EventSourcedAggregate<Thing> aggregate = aggregateAt(5);
        AggregateCacheEntry<Thing> entry = new AggregateCacheEntry<>(aggregate);

        assertThat(entry.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE)).isSameAs(aggregate);
        assertThat(aggregate.version()).isEqualTo(5L);
    }

    private void store(long... sequences) {
        events.appendEvents(LongStream.of(sequences)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Thing", BUDGET, sequence, "event " + sequence))
                .toList());
    }

    private AggregateCacheEntry<Thing> cachedAt(long version) {
        return new AggregateCacheEntry<>(aggregateAt(version));
    }

    private EventSourcedAggregate<Thing> aggregateAt(long version) {
        Thing root = new Thing();
        root.id = BUDGET;
        return EventSourcedAggregate.reconstruct(root, AnnotatedAggregateMetaModelFactory.inspectAggregate(Thing.class),
                version, false, EmbeddedEventStore.builder().storageEngine(events).build(),
                NoSnapshotTriggerDefinition.TRIGGER);
    }

    private double reloads() {
        return meters.counter(CachedBudgetFreshness.RELOADS).count();
    }

    static class Thing {

        @AggregateIdentifier
        String id;
    }
}
