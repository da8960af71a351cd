package uk.gov.personalbudget.support.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired keys every {@code idempotency.cleanup-interval}, on a thread of its own, so the table holds
 * about one retention's worth of keys. A failed run (database down) is logged and tried again next time.
 */
public class IdempotencyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyStore store;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public IdempotencyCleanup(IdempotencyStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    /** One run; the number of keys deleted, or -1 when the store could not be reached. */
    public int purge() {
        try {
            int deleted = store.purgeExpired();
            if (deleted > 0) {
                log.debug("deleted {} expired idempotency keys", deleted);
            }
            return deleted;
        } catch (RuntimeException failure) {
            log.warn("could not delete expired idempotency keys: {}", failure.toString());
            return -1;
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
