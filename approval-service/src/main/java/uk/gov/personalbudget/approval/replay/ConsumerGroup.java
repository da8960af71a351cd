package uk.gov.personalbudget.approval.replay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * approval-service's consumer group on the budget events topic, through Kafka's admin client: who is in it, the
 * offsets it has committed, and moving them. Offsets are keyed by partition number.
 */
final class ConsumerGroup implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final String groupId;
    private final Duration timeout;

    ConsumerGroup(Map<String, Object> adminSettings, String topic, String groupId, Duration timeout) {
        this.admin = TopicOffsets.admin(adminSettings, "replay-coordination", timeout);
        this.topic = topic;
        this.groupId = groupId;
        this.timeout = timeout;
    }

    String id() {
        return groupId;
    }

    /** The group's members as {@code clientId@host}; none once every instance has stopped consuming. */
    List<String> members() throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                .describedGroups()
                .get(groupId)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return group.members().stream()
                .map(member -> member.clientId() + "@" + member.host())
                .toList();
    }

    /** Each partition of the topic with its offset at {@code spec} (earliest, latest). */
    Map<Integer, Long> offsets(OffsetSpec spec) throws ExecutionException, InterruptedException, TimeoutException {
        return TopicOffsets.of(admin, topic, spec, timeout).entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().partition(), Map.Entry::getValue));
    }

    /** The offsets the group has committed on the topic; a partition it never committed is absent. */
    Map<Integer, Long> committed() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<Integer, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                offsets.put(partition.partition(), offset.offset());
            }
        });
        return offsets;
    }

    /**
     * Sets the group's committed offsets, which Kafka allows only while the group has no members.
     *
     * @return false if Kafka refused because the group has members again
     */
    boolean moveTo(Map<Integer, Long> offsets) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.alterConsumerGroupOffsets(
                            groupId,
                            offsets.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            entry -> new TopicPartition(topic, entry.getKey()),
                                            entry -> new OffsetAndMetadata(entry.getValue()))))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException refused) {
            if (refused.getCause() instanceof GroupNotEmptyException
                    || refused.getCause() instanceof UnknownMemberIdException) {
                return false;
            }
            throw refused;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
