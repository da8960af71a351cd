package uk.gov.personalbudget.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;

/**
 * Every record of the events topic, from its first, as "sequence:event-type" per budget, read incrementally
 * with a plain consumer: what the system tests compare with the event store.
 */
final class TopicRecords {

    /**
     * Reads the topic from its start until every event of {@code expected} (per budget, "sequence:event-type") is
     * on it, or {@code within} has passed; returns what it read either way ({@link #missing} says what is not).
     */
    static TopicRecords readUntilPresent(
            String bootstrapServers, Map<String, ? extends Collection<String>> expected, Duration within) {
        TopicRecords topic = new TopicRecords();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            await("every stored event on the topic")
                    .atMost(within)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        topic.readMore(consumer);
                        return topic.missing(expected).isEmpty();
                    });
        } catch (ConditionTimeoutException late) {
            // The caller reports what is missing.
        }
        return topic;
    }

    /** A plain consumer of the topic: no group, nothing committed. */
    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(properties);
    }

    private final Map<String, Set<String>> distinct = new HashMap<>();
    private final Map<String, Integer> records = new HashMap<>();
    private boolean assigned;

    private void readMore(KafkaConsumer<String, byte[]> consumer) {
        if (!assigned) {
            List<TopicPartition> partitions = consumer.partitionsFor(FaultStack.TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(FaultStack.TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = true;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        while (end.entrySet().stream().anyMatch(entry -> consumer.position(entry.getKey()) < entry.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                distinct.computeIfAbsent(record.key(), key -> new HashSet<>())
                        .add(header(record, "aggregate-sequence") + ":" + header(record, "event-type"));
                records.merge(record.key(), 1, Integer::sum);
            }
        }
    }

    /** Per budget, the events of {@code expected} not read from the topic (budgets missing nothing are left out). */
    Map<String, Set<String>> missing(Map<String, ? extends Collection<String>> expected) {
        Map<String, Set<String>> missing = new TreeMap<>();
        expected.forEach((budget, events) -> {
            Set<String> absent = new TreeSet<>(events);
            absent.removeAll(distinct(budget));
            if (!absent.isEmpty()) {
                missing.put(budget, absent);
            }
        });
        return missing;
    }

    Set<String> budgets() {
        return distinct.keySet();
    }

    Set<String> distinct(String budget) {
        return distinct.getOrDefault(budget, Set.of());
    }

    int records(String budget) {
        return records.getOrDefault(budget, 0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "(no " + name + ")" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
