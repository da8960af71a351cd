package uk.gov.personalbudget.budget.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.event.PersonStatementAdded;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.PersonStatement;
import uk.gov.personalbudget.contracts.value.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.publication.TopicReader.header;

/**
 * The service on its local profile (in-memory H2) with a real Kafka broker in KRaft mode: budgets driven through
 * the REST API end up on the topic, one record per stored event, as docs/events.md describes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
@EmbeddedKafka(kraft = true, partitions = 4)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:publication-${random.uuid};DB_CLOSE_DELAY=-1",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaPublicationTest {

    private static final Logger log = LoggerFactory.getLogger(KafkaPublicationTest.class);
    private static final String TOPIC = "personal-budget-events";

    @Autowired
    MockMvc mvc;

    @Autowired
    DevTokenIssuer tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MeterRegistry meters;

    private Lifecycles lifecycles;
    private String closedBudget;
    private String suspendedBudget;
    private String offeredBudget;
    private String erasedBudget;

    /** Stored events, as the event store's table holds them. */
    record StoredEvent(
            String eventId,
            String budget,
            long sequence,
            String payloadType,
            String payloadRevision,
            Instant timestamp,
            byte[] payload,
            JsonNode metaData,
            String hash) {}

    @BeforeAll
    void driveBudgetsThroughTheApi() throws Exception {
        lifecycles = new Lifecycles(mvc, tokens);
        closedBudget = lifecycles.fromOpeningToClosure(Lifecycles.Trace.GIVEN);
        suspendedBudget = lifecycles.withAuthorisationOutcomeAndSuspension(Lifecycles.Trace.NONE);
        offeredBudget = lifecycles.offered(Lifecycles.Trace.INVALID);
        erasedBudget = lifecycles.erased(Lifecycles.Trace.GIVEN);
    }

    @Test
    void publicationRunsInItsOwnPooledStreamingProcessorOnSixteenSegments() {
        assertThat(processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP))
                .hasValueSatisfying(
                        processor -> assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class));
        // budget.publication.segments as shipped (KafkaOutageTest runs on another number).
        assertThat(jdbc.queryForList(
                        "SELECT segment FROM token_entry WHERE processor_name = ?",
                        Integer.class,
                        KafkaEventPublisher.PROCESSING_GROUP))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 16).boxed().toList());
    }

    @Test
    void everyStoredEventIsPublishedExactlyOnceAsTheStoreHoldsIt() throws Exception {
        List<StoredEvent> stored = awaitAllPublished();
        List<ConsumerRecord<String, byte[]>> records = readTopic();

        assertThat(stored)
                .extracting(StoredEvent::budget)
                .filteredOn(Set.of(closedBudget, suspendedBudget, offeredBudget)::contains)
                .hasSize(24 + 19 + 3);
        assertThat(records)
                .extracting(record -> header(record, EventHeaders.EVENT_ID))
                .as("one record per event")
                .doesNotHaveDuplicates();
        Map<String, ConsumerRecord<String, byte[]>> byEventId = records.stream()
                .collect(Collectors.toMap(record -> header(record, EventHeaders.EVENT_ID), Function.identity()));
        assertThat(byEventId.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        stored.stream().map(StoredEvent::eventId).toList());

        for (StoredEvent event : stored) {
            var record = byEventId.get(event.eventId());
            assertThat(record.key()).isEqualTo(event.budget());
            assertThat(record.value()).as("the stored JSON, byte for byte").isEqualTo(event.payload());
            assertThat(header(record, EventHeaders.EVENT_TYPE))
                    .isEqualTo(event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1));
            String type = header(record, EventHeaders.EVENT_TYPE);
            assertThat(header(record, EventHeaders.EVENT_REVISION))
                    .as("stored now, so at its type's revision now")
                    .isEqualTo(BudgetEventTypes.revisionOf(
                            BudgetEventTypes.byName(type).orElseThrow()))
                    .isEqualTo(event.payloadRevision() == null ? "1" : event.payloadRevision());
            assertThat(header(record, EventHeaders.AGGREGATE_ID)).isEqualTo(event.budget());
            assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo(Long.toString(event.sequence()));
            assertThat(Instant.parse(header(record, EventHeaders.EVENT_TIMESTAMP)))
                    .isEqualTo(event.timestamp());
            assertThat(header(record, EventHeaders.TRACEPARENT))
                    .isEqualTo(event.metaData().path("traceparent").textValue());
            assertThat(header(record, EventHeaders.EVENT_HASH))
                    .as("the stored hash")
                    .isEqualTo(event.hash())
                    .isNotNull();
        }
    }

    @Test
    void eachRecordsHashCanBeRecomputedFromTheRecordAloneAndChainsToTheRecordBefore() {
        awaitAllPublished();
        Map<String, List<ConsumerRecord<String, byte[]>>> byBudget =
                readTopic().stream().collect(Collectors.groupingBy(ConsumerRecord::key));

        for (String budget : List.of(closedBudget, suspendedBudget, offeredBudget)) {
            String previous = uk.gov.personalbudget.budget.integrity.EventHash.GENESIS;
            for (ConsumerRecord<String, byte[]> record : byBudget.get(budget)) {
                var revision = record.headers().lastHeader(EventHeaders.STORED_PAYLOAD_REVISION);
                var metaData = record.headers().lastHeader(EventHeaders.STORED_METADATA);
                var inputs = new uk.gov.personalbudget.budget.integrity.StoredEvent(
                        header(record, EventHeaders.AGGREGATE_ID),
                        Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE)),
                        header(record, EventHeaders.EVENT_ID),
                        header(record, EventHeaders.STORED_AGGREGATE_TYPE),
                        header(record, EventHeaders.STORED_TIMESTAMP),
                        header(record, EventHeaders.STORED_PAYLOAD_TYPE),
                        revision == null ? null : new String(revision.value(), java.nio.charset.StandardCharsets.UTF_8),
                        record.value(),
                        metaData == null
                                ? null
                                : java.util.Base64.getDecoder()
                                        .decode(new String(metaData.value(), java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(header(record, EventHeaders.EVENT_PREVIOUS_HASH))
                        .as("the hash of the record before")
                        .isEqualTo(previous);
                String recomputed = uk.gov.personalbudget.budget.integrity.EventHash.of(previous, inputs);
                assertThat(header(record, EventHeaders.EVENT_HASH))
                        .as("recomputed from the record")
                        .isEqualTo(recomputed);
                previous = recomputed;
            }
        }
    }

    @Test
    void eachBudgetsEventsAreInOnePartitionInTheOrderOfTheirSequence() {
        awaitAllPublished();
        Map<String, List<ConsumerRecord<String, byte[]>>> byBudget =
                readTopic().stream().collect(groupingBy(ConsumerRecord::key));

        for (String budget : List.of(closedBudget, suspendedBudget, offeredBudget)) {
            var records = byBudget.get(budget);
            assertThat(records)
                    .extracting(ConsumerRecord::partition)
                    .containsOnly(records.get(0).partition());
            assertThat(records).isSortedAccordingTo(Comparator.comparingLong(ConsumerRecord::offset));
            assertThat(records)
                    .extracting(record -> Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE)))
                    .containsExactlyElementsOf(IntStream.range(0, records.size())
                            .asLongStream()
                            .boxed()
                            .toList());
        }
        assertThat(byBudget.get(closedBudget))
                .extracting(record -> header(record, EventHeaders.EVENT_TYPE))
                .startsWith("BudgetOpened", "NeedsAssessed", "BudgetOffered", "OfferContested", "OfferRevised")
                .endsWith("BudgetAdjusted", "ReviewScheduled", "ReviewCompleted", "BudgetClosed");
    }

    @Test
    void theMetricsShowThePublicationCaughtUpWithTheStore() {
        List<StoredEvent> stored = awaitAllPublished();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gauge("budget.processor.lag"))
                    .as("lag once every event is on the topic")
                    .isZero();
            assertThat(gauge("budget.processor.position")).isEqualTo(gauge("budget.event.store.head"));
        });
        assertThat(meters.find("budget.events.published").counters())
                .as("published counts by event type")
                .isNotEmpty()
                .extracting(counter -> counter.getId().getTag("type"))
                .contains("BudgetOpened", "BudgetClosed");
        assertThat(meters.find("budget.events.published").counters().stream()
                        .mapToDouble(counter -> counter.count())
                        .sum())
                .isGreaterThanOrEqualTo(stored.size());
        assertThat(meters.get("budget.commands")
                        .tag("command", "OpenBudget")
                        .tag("outcome", "accepted")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    /** The one processor here is kafka-publication, so each gauge has one series. */
    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    @Test
    void eachRecordCarriesTheTraceContextOfTheRequestThatCausedIt() {
        awaitAllPublished();
        Map<String, List<ConsumerRecord<String, byte[]>>> byBudget =
                readTopic().stream().collect(groupingBy(ConsumerRecord::key));

        for (var record : byBudget.get(closedBudget)) {
            long sequence = Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE));
            assertThat(header(record, EventHeaders.TRACEPARENT))
                    .isEqualTo(lifecycles.sentTraceParent(closedBudget, sequence));
        }
        assertThat(awaitAllPublished())
                .filteredOn(event -> event.budget().equals(closedBudget))
                .as("Axon's own correlation metadata is still there beside the traceparent")
                .allSatisfy(event -> assertThat(event.metaData().has("correlationId")
                                && event.metaData().has("traceId"))
                        .isTrue());
        for (String budget : List.of(suspendedBudget, offeredBudget)) {
            List<String> traceParents = byBudget.get(budget).stream()
                    .map(record -> header(record, EventHeaders.TRACEPARENT))
                    .toList();
            assertThat(traceParents)
                    .as("a new trace for each request without a valid one")
                    .doesNotHaveDuplicates()
                    .allSatisfy(traceParent ->
                            assertThat(TraceParent.parse(traceParent)).isPresent())
                    .doesNotContain(Lifecycles.INVALID_TRACEPARENT);
        }
    }

    @Test
    void theTopicIsCreatedWithItsPartitionsAndKeepsEventsForever() throws Exception {
        try (var admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            var description =
                    admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            var topicConfig = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            var config = admin.describeConfigs(List.of(topicConfig)).all().get().get(topicConfig);

            assertThat(description.partitions()).hasSize(4);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
        }
    }

    /**
     * Events stored while the processor is stopped (as after an outage) go out in batches once it runs again. Not a
     * benchmark (the machine is small and shared); the rate is logged.
     */
    @Test
    void aBacklogOfThousandsOfEventsIsPublishedInBatches() {
        awaitAllPublished();
        var processor =
                processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP).orElseThrow();
        processor.shutDown();
        int budgets = 100;
        int eventsEach = 30;
        for (int budget = 0; budget < budgets; budget++) {
            String id = BudgetId.generate().value();
            // Opened first, on its own: the later events' personal text is sealed with the key its opening names.
            eventStore.publish(new GenericDomainEventMessage<>("PersonalBudget", id, 0, opened(id)));
            eventStore.publish(IntStream.range(1, eventsEach)
                    .mapToObj(sequence -> new GenericDomainEventMessage<>("PersonalBudget", id, sequence, stated(id)))
                    .toList());
        }
        Instant start = Instant.now();
        processor.start();

        awaitAllPublished();

        Duration took = Duration.between(start, Instant.now());
        log.info(
                "a backlog of {} events was on the topic {} ms after the processor started: {} events/s",
                budgets * eventsEach,
                took.toMillis(),
                budgets * eventsEach * 1000L / Math.max(1, took.toMillis()));
    }

    /**
     * docs/events.md shows one example value for every event type, and each is true: the contracts read it and
     * write it back unchanged, and it has the very fields of a record this test published. The records' values
     * are written to target/event-examples.md, to copy from when the contracts change.
     */
    /**
     * Every record of the lifecycles conforms to the AsyncAPI document budget-service serves without a token (the
     * local profile): its value to the schema of its type and revision, its headers and its key.
     */
    @Test
    void everyRecordOfALifecycleConformsToTheAsyncApiDocument() throws Exception {
        awaitAllPublished();
        byte[] served = mvc.perform(get("/asyncapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        JsonNode document = objectMapper.readTree(served);
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.at("/channels/personalBudgetEvents/address").asText())
                .isEqualTo(TOPIC);
        AsyncApiContract contract = new AsyncApiContract(document, objectMapper);

        List<ConsumerRecord<String, byte[]>> records = readTopic().stream()
                .filter(record -> Set.of(closedBudget, suspendedBudget, offeredBudget, erasedBudget)
                        .contains(record.key()))
                .toList();
        assertThat(records.stream()
                        .map(record -> header(record, EventHeaders.EVENT_TYPE))
                        .distinct())
                .hasSize(BudgetEventTypes.ALL.size());
        List<String> violations = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            violations.addAll(contract.violations(record));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void docsEventsMdShowsEveryEventTypeAsItIsPublished() throws Exception {
        awaitAllPublished();
        Map<String, ConsumerRecord<String, byte[]>> published = new LinkedHashMap<>();
        readTopic().stream()
                .filter(record ->
                        Set.of(closedBudget, suspendedBudget, erasedBudget).contains(record.key()))
                .sorted(Comparator.comparing((ConsumerRecord<String, byte[]> record) ->
                                !record.key().equals(closedBudget))
                        .thenComparingLong(record -> Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE))))
                .forEach(record -> published.putIfAbsent(header(record, EventHeaders.EVENT_TYPE), record));
        writeExamples(published.values());

        Map<String, String> documented = EventsDoc.examples();

        assertThat(documented.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        BudgetEventTypes.ALL.stream().map(Class::getSimpleName).toList());
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(documented.keySet());
        for (var type : BudgetEventTypes.ALL) {
            JsonNode example = objectMapper.readTree(documented.get(type.getSimpleName()));
            JsonNode roundTrip = objectMapper.valueToTree(objectMapper.treeToValue(example, type));
            assertThat(example.equals(EventsDoc.SAME_NUMBERS, roundTrip))
                    .as(
                            "the example of %s, read into the contracts and written back: %s",
                            type.getSimpleName(), roundTrip)
                    .isTrue();
            assertThat(EventsDoc.fieldPaths(example))
                    .as("the fields of %s", type.getSimpleName())
                    .isEqualTo(EventsDoc.fieldPaths(objectMapper.readTree(
                            published.get(type.getSimpleName()).value())));
        }
    }

    private void writeExamples(Iterable<ConsumerRecord<String, byte[]>> records) throws Exception {
        StringBuilder markdown = new StringBuilder();
        for (var record : records) {
            markdown.append("### ")
                    .append(header(record, EventHeaders.EVENT_TYPE))
                    .append("\n\n```json\n")
                    .append(objectMapper
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(objectMapper.readTree(record.value())))
                    .append("\n```\n\nheaders:");
            record.headers()
                    .forEach(h ->
                            markdown.append(" ").append(h.key()).append('=').append(header(record, h.key())));
            markdown.append("\n\n");
        }
        Files.writeString(Path.of("target", "event-examples.md"), markdown);
    }

    /** Waits until the topic holds as many records as the store holds events; answers the stored events. */
    private List<StoredEvent> awaitAllPublished() {
        try (var topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> topic.size() >= storedEventCount());
            assertThat(topic.size()).as("no more records than events").isEqualTo(storedEventCount());
        }
        return jdbc.query(
                "SELECT event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp, "
                        + "payload, meta_data, hash, payload_revision FROM domain_event_entry ORDER BY global_index",
                (row, i) -> new StoredEvent(
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getString(9),
                        Instant.parse(row.getString(5)),
                        row.getBytes(6),
                        readTree(row.getBytes(7)),
                        row.getString(8)));
    }

    private long storedEventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private List<ConsumerRecord<String, byte[]>> readTopic() {
        try (var topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            return topic.readAll();
        }
    }

    private JsonNode readTree(byte[] json) {
        if (json == null) {
            return objectMapper.missingNode();
        }
        try {
            return objectMapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PersonStatementAdded stated(String budget) {
        return new PersonStatementAdded(
                new BudgetId(budget),
                new Act("p-amara", Role.PERSON, null, Instant.parse("2026-11-22T10:16:30Z")),
                new ControlTransfer(ControlHolder.PRACTITIONER, ControlHolder.PRACTITIONER),
                new PersonStatement("Going out with someone I trust keeps me well."));
    }

    private static BudgetOpened opened(String budget) {
        return new BudgetOpened(
                new BudgetId(budget),
                new Act("sys-migration", Role.SYSTEM, null, Instant.parse("2026-11-22T10:15:30Z")),
                new ControlTransfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                new BudgetOpening(new PersonReference("P-1001"), "leeds", null));
    }
}
