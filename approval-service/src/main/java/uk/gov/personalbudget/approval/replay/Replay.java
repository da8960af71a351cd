package uk.gov.personalbudget.approval.replay;

import java.time.Instant;
import java.util.UUID;

/**
 * A rebuild of the projections from the start of the topic, as an auditor sees it.
 *
 * @param eventsProcessed events of the rebuild consumed so far
 * @param eventsTotal     events on the topic when the rebuild started (0 while intake is being paused)
 * @param percent         eventsProcessed of eventsTotal, 0 to 100
 * @param eventsPerSecond average rate since the start
 * @param etaSeconds      estimated seconds to go, unknown (null) until the first events are consumed
 */
public record Replay(
        UUID id,
        Status status,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        long eventsProcessed,
        long eventsTotal,
        int percent,
        long eventsPerSecond,
        Long etaSeconds) {

    public enum Status {
        /** Intake is paused on every instance, or the projections are being rebuilt. */
        RUNNING,
        COMPLETED,
        /** Intake could not be paused on every instance in time, or Kafka refused to move the offsets: nothing changed. */
        FAILED
    }
}
