package uk.gov.personalbudget.approval.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The budget events topic as budget-service writes it (docs/events.md): key the budget id, value the event's
 * JSON from a mapper configured like Spring Boot's, and every header. Also tells whether a consumer group has
 * caught up with the topic.
 */
public final class BudgetEventTopic implements AutoCloseable {

    /** Spring Boot's JSON: Java time as ISO-8601 strings, not numbers. */
    public static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    public BudgetEventTopic(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Publishes the events in order and returns once Kafka has stored every one. */
    public List<RecordMetadata> publish(List<EventEnvelope> envelopes) {
        return send(envelopes.stream().map(this::record).toList());
    }

    /** The record budget-service would publish for the event. */
    public ProducerRecord<String, byte[]> record(EventEnvelope envelope) {
        return record(topic, envelope);
    }

    /** The record budget-service would publish for the event; the same every time, as every copy of an event is. */
    public static ProducerRecord<String, byte[]> record(String topic, EventEnvelope envelope) {
        try {
            byte[] json = JSON.writeValueAsBytes(envelope.event());
            return record(
                    topic,
                    envelope.budgetId().value(),
                    json,
                    Map.of(
                            "event-type", envelope.eventType(),
                            "event-revision",
                                    BudgetEventTypes.revisionOf(envelope.event().getClass()),
                            "event-id", envelope.eventId(),
                            "aggregate-id", envelope.budgetId().value(),
                            "aggregate-sequence", Long.toString(envelope.sequence()),
                            "event-timestamp", envelope.timestamp().toString(),
                            "traceparent", traceParent(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + envelope.eventType() + " as JSON", e);
        }
    }

    /** A W3C trace context per budget, as if one caller's request trace drove its whole life. */
    private static String traceParent(EventEnvelope envelope) {
        String hex = UUID.nameUUIDFromBytes(envelope.budgetId().value().getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
        return "00-" + hex + "-" + hex.substring(0, 16) + "-01";
    }

    /** Any record at all, for the ones budget-service would never write. */
    public ProducerRecord<String, byte[]> record(String key, byte[] value, Map<String, String> headers) {
        return record(topic, key, value, headers);
    }

    private static ProducerRecord<String, byte[]> record(
            String topic, String key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, recordHeaders);
    }

    /** Sends the records in order and returns once Kafka has stored every one. */
    public List<RecordMetadata> send(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        List<RecordMetadata> stored = new ArrayList<>();
        for (Future<RecordMetadata> future : sent) {
            try {
                stored.add(future.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not store a record", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return stored;
    }

    /** The offset after the last record of each partition. */
    public Map<TopicPartition, Long> endOffsets() {
        Set<TopicPartition> partitions = new HashSet<>(admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .toCompletionStage()
                .toCompletableFuture()
                .join()
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList());
        return admin
                .listOffsets(
                        partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all()
                .toCompletionStage()
                .toCompletableFuture()
                .join()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** The offsets the group has committed on this topic; a partition it never committed is absent. */
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /** Whether the group has committed every record on the topic, i.e. stored everything in its projections. */
    public boolean caughtUp(String groupId) {
        Map<TopicPartition, Long> committed = committedOffsets(groupId);
        return endOffsets().entrySet().stream()
                .allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
