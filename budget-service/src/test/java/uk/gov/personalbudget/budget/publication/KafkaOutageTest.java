package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import uk.gov.personalbudget.budget.BudgetServiceApplication;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static uk.gov.personalbudget.budget.publication.TopicReader.header;

/**
 * Kafka down or refusing: commands still succeed, the processor's token stays before the events it could not
 * publish (in the real JDBC token store), and once Kafka is back every event is on the topic. A record may be
 * published twice by then; none is missing.
 */
class KafkaOutageTest {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutageTest.class);
    private static final String TOPIC = "personal-budget-events";
    private static final int SEGMENTS = 3;

    private final AtomicInteger failedBatches = new AtomicInteger();
    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void withKafkaUnreachableCommandsSucceedAndTheirEventsArePublishedOnceItIsUp() throws Exception {
        int port = freePort();
        service = start("127.0.0.1:" + port);

        Instant commandsStarted = Instant.now();
        var lifecycles = lifecycles();
        List<String> budgets =
                List.of(lifecycles.offered(Lifecycles.Trace.GIVEN), lifecycles.offered(Lifecycles.Trace.NONE));
        log.info(
                "6 commands took {} ms with Kafka unreachable",
                Duration.between(commandsStarted, Instant.now()).toMillis());

        await().atMost(Duration.ofSeconds(60)).until(() -> failedBatches.get() >= 1);
        assertThat(unpublishedEventsAreAheadOfSomeToken()).isTrue();

        // The embedded broker ignores fixed ports in KRaft mode; its listeners setting does not.
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
        broker.afterPropertiesSet();

        List<ConsumerRecord<String, byte[]>> records = awaitEveryStoredEventOnTheTopic();
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(budgets.get(0), budgets.get(1));
        try (var admin = admin()) {
            var topicConfig = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            assertThat(admin.describeTopics(List.of(TOPIC))
                            .allTopicNames()
                            .get()
                            .get(TOPIC)
                            .partitions())
                    .as("created by the service with its settings, not by the broker's defaults")
                    .hasSize(4);
            assertThat(admin.describeConfigs(List.of(topicConfig))
                            .all()
                            .get()
                            .get(topicConfig)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value())
                    .isEqualTo("-1");
        }
    }

    @Test
    void whileKafkaRefusesTheRecordsTheTokenDoesNotPassThemAndTheyArePublishedOnceItAcceptsThem() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        // The broker refuses every record: none fits the topic's largest message. The service keeps the topic.
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 4, (short) 1)
                            .configs(Map.of(
                                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64"))))
                    .all()
                    .get();
        }
        service = start(broker.getBrokersAsString());

        var lifecycles = lifecycles();
        String budget = lifecycles.offered(Lifecycles.Trace.GIVEN);

        await().atMost(Duration.ofSeconds(60)).until(() -> failedBatches.get() >= 2);
        assertThat(unpublishedEventsAreAheadOfSomeToken())
                .as("the token update was rolled back")
                .isTrue();
        try (var topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            assertThat(topic.size()).isZero();
        }

        setLargestMessage(Integer.toString(1024 * 1024));

        assertThat(awaitEveryStoredEventOnTheTopic())
                .extracting(ConsumerRecord::key)
                .containsOnly(budget);
        // The processor's retry back-off grows to 60 s, so its token may catch up only after the next retry.
        long lastEvent = lastStoredEvent();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(tokenPositions())
                        .as("each segment's token position, once Kafka accepts the records (last event %d)", lastEvent)
                        .allSatisfy((segment, position) -> assertThat(position).isGreaterThanOrEqualTo(lastEvent)));
    }

    private ConfigurableApplicationContext start(String bootstrapServers) {
        // Counts the batches the processor rolls back, then handles them as it would anyway (propagating).
        ConfigurerModule countFailedBatches = configurer -> configurer.eventProcessing(processing ->
                processing.registerErrorHandler(KafkaEventPublisher.PROCESSING_GROUP, config -> error -> {
                    failedBatches.incrementAndGet();
                    PropagatingErrorHandler.instance().handleError(error);
                }));
        return new SpringApplicationBuilder(BudgetServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("countFailedBatches", ConfigurerModule.class, () -> countFailedBatches))
                .run(
                        "--spring.profiles.active=local",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.kafka.admin.operation-timeout=2s",
                        "--spring.kafka.admin.close-timeout=1s",
                        "--budget.publication.send-timeout=2s",
                        // Not the shipped 16: the setting reaches the processor, and the outage holds on any number.
                        "--budget.publication.segments=" + SEGMENTS);
    }

    private Lifecycles lifecycles() {
        var mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) service)
                .apply(springSecurity())
                .build();
        return new Lifecycles(mvc, service.getBean(DevTokenIssuer.class));
    }

    /** True while some segment's token is before an event the store holds, i.e. that event is not yet published. */
    private boolean unpublishedEventsAreAheadOfSomeToken() {
        long lastEvent = lastStoredEvent();
        return tokenPositions().values().stream().anyMatch(position -> position < lastEvent);
    }

    private long lastStoredEvent() {
        return service.getBean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    /** Each segment's token position (-1 for none yet), by segment. */
    private Map<Integer, Long> tokenPositions() {
        var serializer = service.getBean("serializer", Serializer.class);
        Map<Integer, Long> positions = new TreeMap<>();
        service.getBean(JdbcTemplate.class)
                .query(
                        "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                        row -> {
                            byte[] token = row.getBytes(2);
                            TrackingToken tracking = token == null
                                    ? null
                                    : serializer.deserialize(
                                            new SimpleSerializedObject<>(token, byte[].class, row.getString(3), null));
                            positions.put(
                                    row.getInt(1),
                                    tracking == null ? -1L : tracking.position().orElse(-1L));
                        },
                        KafkaEventPublisher.PROCESSING_GROUP);
        assertThat(positions).hasSize(SEGMENTS);
        return positions;
    }

    /** Every stored event's id appears on the topic (a re-published one may appear twice). */
    private List<ConsumerRecord<String, byte[]>> awaitEveryStoredEventOnTheTopic() {
        Set<String> stored = Set.copyOf(service.getBean(JdbcTemplate.class)
                .queryForList("SELECT event_identifier FROM domain_event_entry", String.class));
        try (var topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> eventIds(topic.readAll()).containsAll(stored));
            List<ConsumerRecord<String, byte[]>> records = topic.readAll();
            assertThat(eventIds(records)).isEqualTo(stored);
            log.info("{} events stored, {} records published", stored.size(), records.size());
            return records;
        }
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(record -> header(record, EventHeaders.EVENT_ID))
                .collect(Collectors.toSet());
    }

    private void setLargestMessage(String bytes) throws Exception {
        try (var admin = admin()) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            admin.incrementalAlterConfigs(Map.of(
                            topic,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes),
                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
    }

    private AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
