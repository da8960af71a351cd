package uk.gov.personalbudget.approval.intake;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the last attempt of each consumer thread to store a batch of budget events ended. The listener reports
 * successes and failures on the thread that consumed the batch; a failure stays that thread's last word until it
 * stores a batch again. With several consumer threads (one per partition), one thread's stored batch does not hide
 * another's stall: the intake is failing while any thread's last attempt failed. A thread that gives up its
 * partitions (a rebalance, or the intake stopped for a replay) forgets its failure: its batches are then another
 * thread's to report, and a consumer thread started again has a new name, so a failure kept would never be cleared.
 */
public class IntakeStatus {

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    /** The calling consumer thread stored its batch. */
    public void stored() {
        failures.remove(Thread.currentThread().getName());
    }

    /** The calling consumer thread gave up its partitions: whatever it last failed to store is no longer its own. */
    public void released() {
        failures.remove(Thread.currentThread().getName());
    }

    /** The calling consumer thread's batch failed. */
    public void failed(Throwable cause, Instant at) {
        failures.put(
                Thread.currentThread().getName(), new Failure(cause.getClass().getSimpleName(), at));
    }

    /** The earliest failure among the threads whose last attempt failed, if any did. */
    public Optional<Failure> failing() {
        return failures.values().stream().min(Comparator.comparing(Failure::since));
    }

    public record Failure(String cause, Instant since) {}
}
