package uk.gov.personalbudget.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalKafkaBrokerTest {

    private static final String TOPIC = "local-stack-test";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @TempDir
    Path dataDir;

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameStorage() throws Exception {
        int[] ports = freePorts();
        int port = ports[0];
        int controllerPort = ports[1];

        try (LocalKafkaBroker broker = new LocalKafkaBroker(port, controllerPort, dataDir)) {
            broker.start();
            String clusterId = clusterId();

            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
                Config topicConfig = admin.describeConfigs(
                                List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                        .all()
                        .get()
                        .values()
                        .iterator()
                        .next();
                assertThat(topicConfig.get("retention.ms").value())
                        .as("kept forever by default")
                        .isEqualTo("-1");
            }
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>(TOPIC, "budget-1", "offered"))
                        .get();
            }
            assertThat(readAll(broker)).containsExactly("budget-1=offered");

            broker.close();
            assertThat(clusterId()).isEqualTo(clusterId);
        }

        try (LocalKafkaBroker restarted = new LocalKafkaBroker(port, controllerPort, dataDir)) {
            restarted.start();
            assertThat(readAll(restarted)).containsExactly("budget-1=offered");
        }
    }

    @Test
    void readsSettingsFromArgumentsOverTheEnvironment() {
        Map<String, String> env =
                Map.of("KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093", "KAFKA_DATA_DIR", "/tmp/k");

        LocalKafkaBroker fromEnv = LocalKafkaBroker.fromArguments(new String[0], env);
        assertThat(fromEnv.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(fromEnv.brokerProperties().getProperty("listeners"))
                .isEqualTo("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/tmp/k"));

        LocalKafkaBroker fromArgs = LocalKafkaBroker.fromArguments(
                new String[] {"--port=29092", "--controller-port=29093", "/tmp/other"}, env);
        assertThat(fromArgs.brokerProperties().getProperty("listeners"))
                .isEqualTo("PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093");
        assertThat(fromArgs.dataDir()).isEqualTo(Path.of("/tmp/other"));

        LocalKafkaBroker defaults = LocalKafkaBroker.fromArguments(new String[0], Map.of());
        assertThat(defaults.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(defaults.dataDir()).isEqualTo(Path.of("data/kafka").toAbsolutePath());

        assertThatThrownBy(() -> LocalKafkaBroker.fromArguments(new String[] {"--port=x"}, Map.of()))
                .hasMessageContaining("not a port number");
        assertThatThrownBy(() -> LocalKafkaBroker.fromArguments(new String[] {"--verbose"}, Map.of()))
                .hasMessageContaining("unknown argument");
    }

    private String clusterId() throws IOException {
        return Files.readAllLines(dataDir.resolve("meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id="))
                .findFirst()
                .orElseThrow();
    }

    // Assigned rather than subscribed: no consumer group, so nothing depends on group coordination timing.
    private static List<String> readAll(LocalKafkaBroker broker) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false))) {
            consumer.assign(Set.of(PARTITION));
            consumer.seekToBeginning(Set.of(PARTITION));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return consumer.position(PARTITION) >= endOffset(consumer);
            });
        }
        return seen;
    }

    private static long endOffset(KafkaConsumer<String, String> consumer) {
        return consumer.endOffsets(Set.of(PARTITION)).get(PARTITION);
    }

    private static Admin admin(LocalKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(LocalKafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    // Both sockets open at once so the two ports differ.
    private static int[] freePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0);
                ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
