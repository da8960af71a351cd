package uk.gov.personalbudget.budget.eventstore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

class CachedBudgetFreshnessTest {

    private static final String BUDGET = "budget-1";

    private final InMemoryEventStorageEngine events = spy(new InMemoryEventStorageEngine());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CachedBudgetFreshness freshness = new CachedBudgetFreshness(events, meters);

    @Test
    void aCachedBudgetAtTheStoredSequenceIsCurrent() {
        store(0, 1, 2);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);

        assertThat(freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached)))
                .isTrue();
        assertThat(cached.getAggregateRoot().applied).isEmpty();
        assertThat(reloads()).isZero();
    }

    @Test
    void aCachedBudgetBehindTheStoreCatchesUpOnTheEventsItMissed() {
        store(0, 1, 2, 3, 4);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);

        assertThat(freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached)))
                .isTrue();
        assertThat(cached.getAggregateRoot().applied).containsExactly("event 3", "event 4");
        assertThat(cached.version()).isEqualTo(4L);
        assertThat(reloads()).isEqualTo(1);
    }

    @Test
    void aCachedBudgetWhoseMissedEventDoesNotApplyIsDropped() {
        store(0, 1, 2);
        events.appendEvents(List.of(new GenericDomainEventMessage<>("Thing", BUDGET, 3, "poison")));

        assertThat(freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(aggregateAt(2))))
                .isFalse();
    }

    @Test
    void aCachedBudgetAheadOfTheStoreOrNotInItIsDropped() {
        store(0, 1);

        assertThat(freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(aggregateAt(2))))
                .isFalse();
        assertThat(freshness.makeCurrent("budget-2", new AggregateCacheEntry<>(aggregateAt(0))))
                .isFalse();
    }

    @Test
    void aCommandDecidedOnACachedBudgetAsksTheStoreNothing() {
        store(0, 1, 2, 3);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);

        String answer = freshness.decide(BUDGET, () -> {
            assertThat(freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached)))
                    .isTrue();
            return "accepted";
        });

        // Had the stale copy's event been appended, the store's unique sequence would have refused it.
        assertThat(answer).isEqualTo("accepted");
        assertThat(cached.version()).isEqualTo(2L);
        verify(events, never()).lastSequenceNumberFor(any());
    }

    @Test
    void aRefusalOnACopyTheStoreHasMovedPastIsDecidedOnceMoreOnTheBudgetAsStored() {
        store(0, 1, 2, 3, 4);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);
        AtomicInteger decisions = new AtomicInteger();

        String answer = freshness.decide(BUDGET, () -> {
            assertThat(freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached)))
                    .isTrue();
            if (decisions.incrementAndGet() == 1) {
                throw new IllegalStateException("refused by a rule the stored budget no longer breaks");
            }
            return "accepted at version " + cached.version();
        });

        assertThat(answer).isEqualTo("accepted at version 4");
        assertThat(decisions).hasValue(2);
        assertThat(cached.getAggregateRoot().applied).containsExactly("event 3", "event 4");
        assertThat(reloads()).isEqualTo(1);
    }

    @Test
    void aRefusalOnACurrentCopyStands() {
        store(0, 1, 2);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);
        AtomicInteger decisions = new AtomicInteger();

        assertThatThrownBy(() -> freshness.decide(BUDGET, () -> {
                    decisions.incrementAndGet();
                    freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached));
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");
        assertThat(decisions).hasValue(1);
        assertThat(reloads()).isZero();
    }

    @Test
    void aRefusalDecidedOnTheBudgetAsLoadedFromTheStoreStandsWithoutAQuery() {
        store(0, 1, 2);
        AtomicInteger decisions = new AtomicInteger();

        assertThatThrownBy(() -> freshness.decide(BUDGET, () -> {
                    decisions.incrementAndGet();
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");
        assertThat(decisions).hasValue(1);
        verify(events, never()).lastSequenceNumberFor(any());
    }

    @Test
    void aStaleCopyThatAcceptedLeavesTheStoresRefusalOfItsAppendToTheCaller() {
        store(0, 1, 2, 3);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);
        AtomicInteger decisions = new AtomicInteger();

        assertThatThrownBy(() -> freshness.decide(BUDGET, () -> {
                    decisions.incrementAndGet();
                    freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached));
                    throw new ConcurrencyException("sequence 3 is stored already");
                }))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(decisions).hasValue(1);
        assertThat(reloads()).isZero();
    }

    @Test
    void aCachedBudgetUsedOutsideADecisionOrForAnotherBudgetIsCheckedFirst() {
        store(0, 1, 2, 3);
        EventSourcedAggregate<Thing> cached = aggregateAt(2);

        freshness.decide("budget-2", () -> freshness.makeCurrent(BUDGET, new AggregateCacheEntry<>(cached)));

        assertThat(cached.version()).isEqualTo(3L);
        assertThat(reloads()).isEqualTo(1);
    }

    @Test
    void recreatingAnInMemoryEntryHandsBackTheCachedAggregateWithItsVersion() {
        // The freshness check reads the version this way; should Axon ever rebuild here, this fails first.
        EventSourcedAggregate<Thing> aggregate = aggregateAt(5);
        AggregateCacheEntry<Thing> entry = new AggregateCacheEntry<>(aggregate);

        assertThat(entry.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE))
                .isSameAs(aggregate);
        assertThat(aggregate.version()).isEqualTo(5L);
    }

    private void store(long... sequences) {
        events.appendEvents(LongStream.of(sequences)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Thing", BUDGET, sequence, "event " + sequence))
                .toList());
    }

    private EventSourcedAggregate<Thing> aggregateAt(long version) {
        Thing root = new Thing();
        root.id = BUDGET;
        return EventSourcedAggregate.reconstruct(
                root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Thing.class),
                version,
                false,
                EmbeddedEventStore.builder().storageEngine(events).build(),
                NoSnapshotTriggerDefinition.TRIGGER);
    }

    private double reloads() {
        return meters.counter(CachedBudgetFreshness.RELOADS).count();
    }

    static class Thing {

        @AggregateIdentifier
        String id;

        final List<String> applied = new ArrayList<>();

        @EventSourcingHandler
        void on(String event) {
            if (event.equals("poison")) {
                throw new IllegalStateException("an event this budget cannot apply");
            }
            applied.add(event);
        }
    }
}
