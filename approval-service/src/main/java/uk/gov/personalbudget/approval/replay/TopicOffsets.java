package uk.gov.personalbudget.approval.replay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The offsets of every partition of a topic, as Kafka's admin client reads them (replays and the lag gauge). */
public final class TopicOffsets {

    private TopicOffsets() {}

    /** An admin client on {@code settings}, named {@code clientId}, each of its calls bounded by {@code timeout}. */
    public static Admin admin(Map<String, Object> settings, String clientId, Duration timeout) {
        Map<String, Object> bounded = new HashMap<>(settings);
        bounded.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        bounded.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        bounded.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(bounded);
    }

    /** Each partition of {@code topic} with its offset at {@code spec} (earliest, latest), each call bounded by {@code timeout}. */
    public static Map<TopicPartition, Long> of(Admin admin, String topic, OffsetSpec spec, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
