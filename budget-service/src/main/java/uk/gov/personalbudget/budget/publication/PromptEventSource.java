package uk.gov.personalbudget.budget.publication;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the publication processor reads it, waking the processor as soon as this instance has committed
 * new events. Axon's pooled streaming processor looks for new events every 500 ms when its stream cannot call it
 * back, and the embedded event store's streams cannot ({@code BlockingStream.setOnAvailableCallback} answers false),
 * so an event waited 250 ms on average before its publication began ({@code PromptEventSourceTest} pins that
 * down). These streams accept the callback and run it after every local commit that stored events, and also every
 * {@link #POLL}, so events stored by another instance are found as soon as before.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    static final Duration POLL = Duration.ofMillis(500);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "publication-poll");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(EventStore store) {
        this(store, POLL);
    }

    /** @param poll how often the streams are woken without a local commit (tests lengthen or shorten it) */
    PromptEventSource(EventStore store, Duration poll) {
        this.store = store;
        store.subscribe(events -> afterCommit());
        ticker.scheduleWithFixedDelay(this::wake, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events are handed to subscribers while their unit of work prepares to commit: wake the streams after it. */
    private void afterCommit() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> wake());
        } else {
            wake();
        }
    }

    private void wake() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new WakingStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            stream.close();
        }
    }
}
