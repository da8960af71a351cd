package uk.gov.personalbudget.budget.publication;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final PromptEventSource source = new PromptEventSource(store);

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    /** Why PromptEventSource exists: without a callback Axon's pooled processor polls for new events every 500 ms. */
    @Test
    void theEmbeddedEventStoresStreamsCannotCallTheProcessorBack() {
        try (var stream = store.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> { })).isFalse();
        }
    }

    @Test
    void aCommittedEventWakesTheStreamWellBeforeThePollWouldHave() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        AtomicBoolean beforeCommit = new AtomicBoolean();
        try (var stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            store.publish(new GenericDomainEventMessage<>("Budget", "b-1", 0, "opened"));
            unitOfWork.onCommit(u -> beforeCommit.set(woken.getCount() == 0));
            long committing = System.nanoTime();
            unitOfWork.commit();

            assertThat(woken.await(PromptEventSource.POLL.toMillis() / 2, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committing)).isLessThan(100);
            assertThat(beforeCommit).as("not woken before the events are committed").isFalse();
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withoutLocalCommitsTheStreamIsStillWokenEveryPoll() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(2);
        try (var stream = source.openStream(null)) {
            stream.setOnAvailableCallback(woken::countDown);

            assertThat(woken.await(PromptEventSource.POLL.toMillis() * 4, TimeUnit.MILLISECONDS))
                    .as("events another instance stored are found as soon as before").isTrue();
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        var stream = source.openStream(null);
        stream.setOnAvailableCallback(woken::countDown);
        stream.close();

        assertThat(woken.await(PromptEventSource.POLL.toMillis() * 2, TimeUnit.MILLISECONDS)).isFalse();
    }
}
