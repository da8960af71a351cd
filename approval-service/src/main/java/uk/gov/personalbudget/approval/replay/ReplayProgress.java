package uk.gov.personalbudget.approval.replay;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a running replay has got, measured in offsets: per partition, from where the topic began to where
 * it ended when the replay started. Events published meanwhile are consumed too, but do not hold it back.
 */
final class ReplayProgress {

    private final UUID id;
    private final String requestedBy;
    private final int generation;
    private final Instant startedAt;
    private final Map<TopicPartition, Long> begin;
    private final Map<TopicPartition, Long> end;
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    ReplayProgress(UUID id, String requestedBy, int generation, Instant startedAt,
                   Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        this.id = id;
        this.requestedBy = requestedBy;
        this.generation = generation;
        this.startedAt = startedAt;
        this.begin = Map.copyOf(begin);
        this.end = Map.copyOf(end);
    }

    UUID id() {
        return id;
    }

    int generation() {
        return generation;
    }

    void consumed(TopicPartition partition, long offset) {
        next.merge(partition, offset + 1, Math::max);
    }

    long total() {
        return end.entrySet().stream().mapToLong(entry -> entry.getValue() - begin.getOrDefault(entry.getKey(), 0L)).sum();
    }

    long processed() {
        return end.entrySet().stream().mapToLong(entry -> {
            long from = begin.getOrDefault(entry.getKey(), 0L);
            long reached = Math.min(next.getOrDefault(entry.getKey(), from), entry.getValue());
            return Math.max(0, reached - from);
        }).sum();
    }

    boolean caughtUp() {
        return processed() >= total();
    }

    Replay snapshot(Instant now) {
        return replay(Replay.Status.RUNNING, now, null);
    }

    Replay completed(Instant now) {
        return replay(Replay.Status.COMPLETED, now, now);
    }

    private Replay replay(Replay.Status status, Instant now, Instant finishedAt) {
        long total = total();
        long processed = processed();
        double seconds = Math.max(Duration.between(startedAt, now).toMillis(), 1) / 1000.0;
        long rate = Math.round(processed / seconds);
        Long eta = status == Replay.Status.COMPLETED ? Long.valueOf(0)
                : rate == 0 ? null : Long.valueOf((total - processed + rate - 1) / rate);
        int percent = total == 0 ? 100 : (int) (processed * 100 / total);
        return new Replay(id, status, requestedBy, startedAt, finishedAt, processed, total, percent, rate, eta);
    }
}
