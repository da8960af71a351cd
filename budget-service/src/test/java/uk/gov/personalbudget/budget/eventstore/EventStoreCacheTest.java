package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded event store keeps only a few events for the streams that tail it ({@code
 * budget.event-store.cached-events}); a stream that falls further behind, as publication does while Kafka is away,
 * must still read every event once and in order, from the store and then from the cache again.
 */
class EventStoreCacheTest {

    private static final int CACHED_EVENTS = 5;

    private final Configuration axon = DefaultConfigurer.defaultConfiguration().buildConfiguration();
    private final CountingEngine engine = new CountingEngine();
    private final EmbeddedEventStore store = new EventStoreConfiguration().eventStore(engine, axon, CACHED_EVENTS);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aStreamFurtherBehindThanTheCacheReadsEveryEventOnceAndInOrder() throws InterruptedException {
        append(0, 3);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            List<Object> read = new ArrayList<>(readNext(stream, 3));
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse(); // caught up: tails the cache
            engine.storeReads.set(0);

            append(3, 50);
            read.addAll(readNext(stream, 50));
            append(53, 2);
            read.addAll(readNext(stream, 2));

            assertThat(read)
                    .containsExactlyElementsOf(IntStream.range(0, 55).boxed().toList());
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        }
        assertThat(engine.storeReads)
                .as("the stream fell behind the cache of %d events and read from the store", CACHED_EVENTS)
                .hasPositiveValue();
    }

    @Test
    void theCacheHoldsAtLeastOneEvent() {
        var configuration = new EventStoreConfiguration();
        var anotherEngine = new InMemoryEventStorageEngine();

        assertThatThrownBy(() -> configuration.eventStore(anotherEngine, axon, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget.event-store.cached-events");
    }

    /** Counts the reads a stream makes of the store itself, not of the cache (which Axon's reader thread fills). */
    private static final class CountingEngine extends InMemoryEventStorageEngine {

        final AtomicInteger storeReads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            if (!mayBlock) {
                storeReads.incrementAndGet();
            }
            return super.readEvents(trackingToken, mayBlock);
        }
    }

    private void append(int first, int count) {
        IntStream.range(first, first + count)
                .forEach(sequence -> store.publish(
                        new GenericDomainEventMessage<>("PersonalBudget", "budget-1", sequence, sequence)));
    }

    /**
     * Reads the next events as publication's processor does, asking again after a no: a stream that finds itself
     * behind the cache while it waits answers no once, and reads the store from its next question on.
     */
    private static List<Object> readNext(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (payloads.size() < count) {
            await().alias("event %d of %d".formatted(payloads.size() + 1, count))
                    .atMost(Duration.ofSeconds(5))
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .until(() -> stream.hasNextAvailable(50, TimeUnit.MILLISECONDS));
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }
}
