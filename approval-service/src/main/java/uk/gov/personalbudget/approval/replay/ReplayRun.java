package uk.gov.personalbudget.approval.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One replay as the {@code replay_run} table holds it, shared by every instance. Offsets are per partition of
 * the topic: where it began ({@code begin}) and ended ({@code end}) when the rebuild started, both empty while
 * the run is still pausing intake.
 */
record ReplayRun(
        UUID id,
        String requestedBy,
        Phase phase,
        Integer generation,
        Map<Integer, Long> begin,
        Map<Integer, Long> end,
        long processed,
        long total,
        Instant requestedAt,
        Instant finishedAt,
        String failure) {

    enum Phase {
        /** Every instance stops consuming; the run waits for the consumer group to be empty. */
        PAUSING,
        /** Offsets are back at the start and every instance consumes into {@link #generation()}. */
        REBUILDING,
        /** The generation was promoted. */
        DONE,
        /** Intake could not be paused or the offsets not moved; nothing changed. */
        FAILED;

        boolean active() {
            return this == PAUSING || this == REBUILDING;
        }
    }

    ReplayRun {
        begin = Map.copyOf(begin);
        end = Map.copyOf(end);
    }

    /** Events between {@link #begin()} and {@link #end()} the group has committed, of {@link #total()}. */
    long processedBy(Map<Integer, Long> committed) {
        return end.entrySet().stream()
                .mapToLong(entry -> {
                    long from = begin.getOrDefault(entry.getKey(), 0L);
                    long reached = Math.min(committed.getOrDefault(entry.getKey(), from), entry.getValue());
                    return Math.max(0, reached - from);
                })
                .sum();
    }

    static long total(Map<Integer, Long> begin, Map<Integer, Long> end) {
        return end.entrySet().stream()
                .mapToLong(entry -> entry.getValue() - begin.getOrDefault(entry.getKey(), 0L))
                .sum();
    }

    /** As an auditor sees it at {@code now}. */
    Replay view(Instant now) {
        Replay.Status status = switch (phase) {
            case PAUSING, REBUILDING -> Replay.Status.RUNNING;
            case DONE -> Replay.Status.COMPLETED;
            case FAILED -> Replay.Status.FAILED;
        };
        Instant until = finishedAt == null ? now : finishedAt;
        double seconds = Math.max(Duration.between(requestedAt, until).toMillis(), 1) / 1000.0;
        long rate = Math.round(processed / seconds);
        Long eta = phase == Phase.DONE
                ? Long.valueOf(0)
                : rate == 0 || !phase.active() ? null : Long.valueOf((total - processed + rate - 1) / rate);
        int percent = phase == Phase.DONE || (phase == Phase.REBUILDING && total == 0)
                ? 100
                : total == 0 ? 0 : (int) (processed * 100 / total);
        return new Replay(id, status, requestedBy, requestedAt, finishedAt, processed, total, percent, rate, eta);
    }
}
