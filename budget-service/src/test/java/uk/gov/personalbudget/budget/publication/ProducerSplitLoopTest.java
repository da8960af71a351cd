package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pins down KAFKA-8350 in the kafka-clients we use: a batch of several records over the topic's
 * {@code max.message.bytes} (but under the producer's {@code batch.size}) is split into a batch of the same records
 * and resent, again and again; its records neither reach the topic nor fail as too large. They fail only when the
 * producer's {@code delivery.timeout.ms} expires them, which is why the publisher's producer has that timeout set to
 * the publication's send timeout (PublicationConfiguration). Once kafka-clients splits progressively (the fix merged
 * for Kafka 4.2), the records fail as {@code RecordTooLargeException} and this test fails: the note in
 * PublicationConfiguration can then go; the setting stays right anyway.
 */
class ProducerSplitLoopTest {

    private static final String TOPIC = "refuses-batches";

    private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);

    @AfterEach
    void stop() {
        broker.destroy();
    }

    @Test
    void aBatchOverTheTopicsLargestMessageIsResentUntilTheDeliveryTimeoutExpiresIt() throws Exception {
        broker.afterPropertiesSet();
        try (var admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64"))))
                    .all()
                    .get();
        }
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        // Long enough for the three records to share a batch.
                        ProducerConfig.LINGER_MS_CONFIG,
                        200,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        2_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        3_000),
                new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sends = IntStream.range(0, 3)
                    .mapToObj(i -> producer.send(new ProducerRecord<>(
                            TOPIC, "budget", "a record of about eighty bytes, alone over the limit " + i)))
                    .toList();

            for (Future<RecordMetadata> send : sends) {
                ExecutionException failure = catchThrowableOfType(ExecutionException.class, send::get);
                assertThat(failure).as("a send the broker refused").isNotNull();
                assertThat(failure.getCause())
                        .as("expired by the delivery timeout, not refused as too large: the split loop of KAFKA-8350")
                        .isInstanceOf(TimeoutException.class)
                        .hasMessageContaining("has passed since batch creation");
            }
        }
    }
}
