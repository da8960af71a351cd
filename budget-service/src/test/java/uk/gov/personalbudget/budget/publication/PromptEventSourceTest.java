package uk.gov.personalbudget.budget.publication;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private PromptEventSource source;

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    private PromptEventSource polledEvery(Duration poll) {
        source = new PromptEventSource(store, poll);
        return source;
    }

    /** Why PromptEventSource exists: without a callback Axon's pooled processor polls for new events every 500 ms. */
    @Test
    void theEmbeddedEventStoresStreamsCannotCallTheProcessorBack() {
        polledEvery(PromptEventSource.POLL);
        try (var stream = store.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> {})).isFalse();
        }
    }

    @Test
    void aCommittedEventWakesTheStreamWellBeforeThePollWouldHave() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        AtomicBoolean beforeCommit = new AtomicBoolean();
        // No poll within the test: only the commit can wake the stream.
        try (var stream = polledEvery(Duration.ofHours(1)).openStream(null)) {
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            store.publish(new GenericDomainEventMessage<>("Budget", "b-1", 0, "opened"));
            unitOfWork.onCommit(u -> beforeCommit.set(woken.getCount() == 0));
            unitOfWork.commit();

            assertThat(woken.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(beforeCommit)
                    .as("not woken before the events are committed")
                    .isFalse();
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Axon's processor, woken, asks at once and without waiting whether an event is there. The embedded event store's
     * reader thread puts a commit's events in the cache its streams read only after the same commit, so without the
     * short wait after a local commit the answer was often still no, and the event waited for the next poll.
     */
    @Test
    void aStreamWokenByACommitFindsItsEventWithoutWaitingForThePoll() throws InterruptedException {
        try (var stream = polledEvery(Duration.ofHours(1)).openStream(null)) {
            AtomicReference<CountDownLatch> woken = new AtomicReference<>(new CountDownLatch(1));
            stream.setOnAvailableCallback(() -> woken.get().countDown());
            // Reads the empty store, after which the stream follows the store's cache, as the processor's does.
            assertThat(stream.hasNextAvailable()).isFalse();

            for (int sequence = 0; sequence < 20; sequence++) {
                woken.set(new CountDownLatch(1));
                DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                store.publish(new GenericDomainEventMessage<>("Budget", "b-1", sequence, "event " + sequence));
                unitOfWork.commit();
                assertThat(woken.get().await(30, TimeUnit.SECONDS)).isTrue();

                assertThat(stream.hasNextAvailable())
                        .as("event %d is there when the woken processor asks without waiting", sequence)
                        .isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + sequence);
            }
        }
    }

    @Test
    void withoutLocalCommitsTheStreamIsStillWokenEveryPoll() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(2);
        try (var stream = polledEvery(Duration.ofMillis(50)).openStream(null)) {
            stream.setOnAvailableCallback(woken::countDown);

            assertThat(woken.await(30, TimeUnit.SECONDS))
                    .as("events another instance stored are found as soon as before")
                    .isTrue();
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        var stream = polledEvery(Duration.ofMillis(50)).openStream(null);
        stream.setOnAvailableCallback(woken::countDown);
        stream.close();

        // Ten polls' time.
        assertThat(woken.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }
}
