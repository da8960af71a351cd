package uk.gov.personalbudget.approval.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import uk.gov.personalbudget.approval.replay.TopicOffsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The consumer group's progress on the topic, read from Kafka itself rather than from the consumer, so it is right
 * even while the consumer is stalled or stopped: {@code approval.intake.lag} (records on the topic the group has
 * not committed) and {@code approval.intake.position} (records it has), both tagged with the group. NaN when Kafka
 * does not answer within a few seconds. Read at most every {@link #KEEP_FOR}.
 */
class IntakeLagMetrics implements MeterBinder, DisposableBean {

    static final Duration KEEP_FOR = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final String topic;
    private final String group;
    private final Clock clock;
    private volatile Reading last = new Reading(Instant.EPOCH, Double.NaN, Double.NaN);

    IntakeLagMetrics(Map<String, Object> adminSettings, String topic, String group, Clock clock) {
        this.admin = TopicOffsets.admin(adminSettings, "intake-lag", TIMEOUT);
        this.topic = topic;
        this.group = group;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("approval.intake.lag", this, metrics -> metrics.reading().lag())
                .tag("group", group)
                .description("Budget events on the topic that the consumer group has not yet stored")
                .register(registry);
        Gauge.builder(
                        "approval.intake.position",
                        this,
                        metrics -> metrics.reading().position())
                .tag("group", group)
                .description("Budget events the consumer group has stored (sum of committed offsets)")
                .register(registry);
    }

    private synchronized Reading reading() {
        Instant now = clock.instant();
        if (last.at().plus(KEEP_FOR).isBefore(now)) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> end = TopicOffsets.of(admin, topic, OffsetSpec.latest(), TIMEOUT);
            long position = 0;
            long lag = 0;
            for (TopicPartition partition : end.keySet()) {
                OffsetAndMetadata offset = committed.get(partition);
                long done = offset == null ? 0 : offset.offset();
                position += done;
                lag += Math.max(0, end.get(partition) - done);
            }
            return new Reading(now, lag, position);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading(now, Double.NaN, Double.NaN);
        } catch (Exception e) {
            return new Reading(now, Double.NaN, Double.NaN);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }

    private record Reading(Instant at, double lag, double position) {}
}
