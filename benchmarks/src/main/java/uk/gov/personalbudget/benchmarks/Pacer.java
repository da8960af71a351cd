package uk.gov.personalbudget.benchmarks;

import java.util.concurrent.locks.LockSupport;

/** Hands out send times at a steady rate shared by all clients: a slow answer does not cause a later burst. */
final class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(int perSecond) {
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    void awaitTurn() throws InterruptedException {
        long turn;
        synchronized (this) {
            turn = Math.max(next, System.nanoTime());
            next = turn + intervalNanos;
        }
        long wait;
        while ((wait = turn - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
