package uk.gov.personalbudget.approval.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every instance's watch on the {@code replay_run} table: {@link ReplayService#coordinate()} every
 * {@code approval.replay.poll-interval}. Starts after the listener containers and stops before them, so it never
 * starts a container the shutdown has stopped.
 */
@Component
class ReplayPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayPolling.class);

    private final ReplayService replays;
    private ScheduledExecutorService executor;

    ReplayPolling(ReplayService replays) {
        this.replays = replays;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replay-polling");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::resumeLeftover);
        long millis = replays.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void resumeLeftover() {
        try {
            replays.resumeLeftoverRebuild();
        } catch (RuntimeException failure) {
            log.error("could not check for a rebuild left behind", failure);
        }
    }

    private void poll() {
        try {
            replays.coordinate();
        } catch (RuntimeException failure) {
            log.warn(
                    "replay coordination failed, trying again in {}: {}",
                    replays.pollInterval(),
                    failure.getMessage(),
                    failure);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE + 1;
    }
}
