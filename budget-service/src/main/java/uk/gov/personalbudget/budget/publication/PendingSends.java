package uk.gov.personalbudget.budget.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Kafka sends of one batch that Kafka has not yet acknowledged. The batch may commit (and its token advance)
 * only once {@link #awaitAll} has returned.
 */
final class PendingSends {

    private final List<CompletableFuture<?>> sends = new ArrayList<>();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    /** Completes exceptionally with the first failure, so a batch need not wait for its other sends. */
    private final CompletableFuture<Void> failed = new CompletableFuture<>();

    void add(CompletableFuture<?> send) {
        sends.add(send);
        send.whenComplete((result, failure) -> {
            if (failure != null && firstFailure.compareAndSet(null, failure)) {
                failed.completeExceptionally(failure);
            }
        });
    }

    int size() {
        return sends.size();
    }

    /** Fails fast: once one send has failed the batch will be retried anyway, so sending more is wasted. */
    void throwIfAnyFailed() {
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new PublicationFailed("a Kafka send of this batch failed", failure);
        }
    }

    /** Returns once every send is acknowledged; throws if one failed or {@code timeout} passes first. */
    void awaitAll(Duration timeout) {
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, failed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublicationFailed("Kafka did not acknowledge every record of the batch", e.getCause());
        } catch (TimeoutException e) {
            throw new PublicationFailed(
                    "Kafka did not acknowledge all " + sends.size() + " records of the batch in " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailed("interrupted while waiting for Kafka", e);
        }
    }

    /** Publication of a batch failed; the processor rolls the batch back and retries it later. */
    static final class PublicationFailed extends RuntimeException {
        PublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
