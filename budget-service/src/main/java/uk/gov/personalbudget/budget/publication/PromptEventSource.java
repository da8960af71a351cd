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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event store as the publication processor reads it, waking the processor as soon as this instance has committed
 * new events. Axon's pooled streaming processor looks for new events every 500 ms when its stream cannot call it
 * back, and the embedded event store's streams cannot ({@code BlockingStream.setOnAvailableCallback} answers false),
 * so an event waited 250 ms on average before its publication began ({@code PromptEventSourceTest} pins that
 * down). These streams accept the callback and run it after every local commit that stored events, and also every
 * {@link #POLL}, so events stored by another instance are found as soon as before.
 * <p>
 * Woken by a local commit, the processor asks its stream at once, without waiting, whether an event is there; but the
 * embedded event store's streams read from a cache that its own reader thread fills after the same commit, so the
 * answer was often still no, and the event waited for the next poll after all. After a local commit, a stream's next
 * question therefore waits up to {@link #LOCAL_COMMIT_WAIT} for the reader thread (a few milliseconds).
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    static final Duration POLL = Duration.ofMillis(500);

    /** The longest a stream's question after a local commit waits for the event store's reader thread. */
    static final Duration LOCAL_COMMIT_WAIT = Duration.ofMillis(100);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    /** Local commits that stored events, so far. */
    private final AtomicLong localCommits = new AtomicLong();

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
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> committed());
        } else {
            committed();
        }
    }

    private void committed() {
        localCommits.incrementAndGet();
        wake();
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
        /** The local commits this stream has waited for (read and written by the processor's thread only). */
        private long commitsAwaited = localCommits.get();

        private WakingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long commits = localCommits.get();
            boolean committedSinceAsked = commits != commitsAwaited;
            commitsAwaited = commits;
            if (committedSinceAsked && unit.toMillis(timeout) < LOCAL_COMMIT_WAIT.toMillis()) {
                return stream.hasNextAvailable((int) LOCAL_COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
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
