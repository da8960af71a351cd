package uk.gov.personalbudget.budget.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.budget.history.BudgetHistory;
import uk.gov.personalbudget.budget.integrity.ChainedEvent;
import uk.gov.personalbudget.budget.integrity.EventHash;
import uk.gov.personalbudget.budget.integrity.RecentlyReadRows;
import uk.gov.personalbudget.budget.integrity.StoredEvent;
import uk.gov.personalbudget.budget.integrity.TamperEvidence;
import uk.gov.personalbudget.budget.personaldata.PersonalDataEventSerializer;
import uk.gov.personalbudget.contracts.command.EndorsePlan;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.event.PlanEndorsed;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.AgreementMethod;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.BreakdownLine;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Calculation;
import uk.gov.personalbudget.contracts.value.Endorsement;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.PersonAgreement;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PlanLine;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.RecoveryGoal;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the event store must do on every database we run on: Flyway's schema, Axon's JDBC engine and the
 * Jackson serializer working together. Subclasses pick the database.
 */
abstract class EventStoreContractTest {

    private static final String AGGREGATE_TYPE = "PersonalBudget";
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Serializer serializer;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    BudgetHistory history;

    @Autowired
    TamperEvidence tamperEvidence;

    @Autowired
    RecentlyReadRows recentlyReadRows;

    @Autowired
    @Qualifier(EventStoreConfiguration.CACHE)
    Cache budgetCache;

    /** How the database reports the type of the payload, meta-data and token columns. */
    abstract String binaryColumnType();

    @Test
    void flywayCreatesTheSchemaAndAxonUsesIt() {
        Integer applied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\" = TRUE",
                Integer.class);
        assertThat(applied).isEqualTo(1);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void payloadsAndTokensAreBinaryColumns() {
        List<String> types = jdbc.queryForList(
                "SELECT data_type FROM information_schema.columns WHERE LOWER(table_name) IN "
                        + "('domain_event_entry', 'snapshot_event_entry', 'token_entry') "
                        + "AND LOWER(column_name) IN ('payload', 'meta_data', 'token')",
                String.class);
        assertThat(types).hasSize(5).allSatisfy(type -> assertThat(type).isEqualToIgnoringCase(binaryColumnType()));
    }

    /**
     * Events are written by a copy of Spring Boot's mapper that also seals personal data (docs/security.md,
     * "Personal data and erasure"); snapshots, tokens and messages by Spring Boot's mapper itself.
     */
    @Test
    void axonSerializesWithSpringBootsObjectMapper() {
        assertThat(eventSerializer).isInstanceOf(PersonalDataEventSerializer.class);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) serializer).getObjectMapper()).isSameAs(objectMapper);
        ObjectMapper eventMapper = ((JacksonSerializer) eventSerializer).getObjectMapper();
        // Stored meta-data is read with its map deserializer found once, not Axon's looked up for every read.
        assertThat(MetaDataReadingTest.metaDataDeserializerOf(eventMapper)).isInstanceOf(MetaDataReading.class);
        assertThat(eventMapper.getRegisteredModuleIds())
                .containsAll(objectMapper.getRegisteredModuleIds())
                .contains("personal-data");
        assertThat(eventMapper.getSerializationConfig().getSerializationFeatures())
                .isEqualTo(objectMapper.getSerializationConfig().getSerializationFeatures());
        assertThat(eventMapper.getDeserializationConfig().getDeserializationFeatures())
                .isEqualTo(objectMapper.getDeserializationConfig().getDeserializationFeatures());
    }

    @Test
    void storesAContractsEventAndReadsItBack() {
        String id = newId();
        BudgetOpened opened = budgetOpened(id);

        eventStore.publish(
                new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, 0, opened, MetaData.with("correlation", "c-1")));

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(id, 0).asStream().toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getPayload()).isEqualTo(opened);
        assertThat(events.get(0).getMetaData()).containsEntry("correlation", "c-1");
        assertThat(events.get(0).getType()).isEqualTo(AGGREGATE_TYPE);
    }

    @Test
    void storesPayloadsAsJsonWithIsoInstantsAndPlainIds() throws Exception {
        String id = newId();
        eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, 0, budgetOpened(id)));

        byte[] payload = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", byte[].class, id);
        JsonNode json = objectMapper.readTree(payload);
        assertThat(json.get("budgetId").textValue()).isEqualTo(id);
        assertThat(json.at("/act/occurredAt").textValue()).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(json.at("/opening/person").textValue()).isEqualTo("P-123");
        assertThat(jdbc.queryForObject(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, id))
                .isEqualTo(BudgetOpened.class.getName());
    }

    /** Publication puts these rows on Kafka as they are (integrity.ChainReadingStorageEngine). */
    @Test
    void theEventStreamKeepsEachRowItReadsAsStoredWithItsHashes() {
        String id = newId();
        eventStore.publish(IntStream.range(0, 3)
                .mapToObj(sequence -> new GenericDomainEventMessage<>(
                        AGGREGATE_TYPE, id, sequence, budgetOpened(id), MetaData.with("traceparent", "t-" + sequence)))
                .toList());
        List<ChainedEvent> stored = tamperEvidence.storedEventsFrom(0, Integer.MAX_VALUE).stream()
                .filter(row -> row.event().aggregateIdentifier().equals(id))
                .toList();

        long streamed = storageEngine
                .readEvents(null, false)
                .filter(event -> id.equals(((DomainEventMessage<?>) event).getAggregateIdentifier()))
                .count();

        assertThat(streamed).isEqualTo(3);
        assertThat(stored).hasSize(3).allSatisfy(row -> assertThat(row.hash()).isNotNull());
        for (ChainedEvent row : stored) {
            assertThat(recentlyReadRows.take(row.event().eventIdentifier()))
                    .get()
                    .usingRecursiveComparison()
                    .isEqualTo(row);
        }
    }

    /** The stream reads the events of a token's gaps, bound as one array (GapsAsOneArray), and those past it. */
    @Test
    void theStreamPastATokenWithGapsReadsTheEventsThatFilledThem() {
        String id = newId();
        List<Long> indexes = publishEventsAndTheirGlobalIndexes(id, 4);
        var token = GapAwareTrackingToken.newInstance(indexes.get(2), List.of(indexes.get(0), indexes.get(1)));

        List<Long> sequences = storageEngine
                .readEvents(token, false)
                .map(event -> (DomainEventMessage<?>) event)
                .filter(event -> id.equals(event.getAggregateIdentifier()))
                .map(DomainEventMessage::getSequenceNumber)
                .toList();

        assertThat(sequences).containsExactly(0L, 1L, 3L);
    }

    @Test
    void globalIndexGrowsOneByOne() {
        List<Long> indexes = publishEventsAndTheirGlobalIndexes(newId(), 3);

        assertThat(indexes).hasSize(3);
        assertThat(indexes.get(1)).isEqualTo(indexes.get(0) + 1);
        assertThat(indexes.get(2)).isEqualTo(indexes.get(1) + 1);
    }

    @Test
    void storesASnapshotAndReadsItBack() {
        String id = newId();
        BudgetOpened state = budgetOpened(id);

        // Of a type of its own: a PersonalBudget snapshot is read only at the budget's revision (below).
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("SnapshotOfAnotherType", id, 4, state));

        assertThat(storageEngine.readSnapshot(id)).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getPayload()).isEqualTo(state);
            assertThat(snapshot.getSequenceNumber()).isEqualTo(4);
        });
    }

    @Test
    void aBudgetSnapshotOfAnotherRevisionIsNotUsed() {
        String id = newId();

        // Not the revision PersonalBudget declares (@Revision): a snapshot of an earlier shape, missing its council.
        eventStore.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, 4, budgetOpened(id)));

        assertThat(storageEngine.readSnapshot(id)).isEmpty();
    }

    @Test
    void keepsProcessorTokensInTheSameDatabase() {
        String processor = "processor-" + UUID.randomUUID();
        tokenStore.initializeTokenSegments(processor, 1);
        tokenStore.fetchToken(processor, 0);

        tokenStore.storeToken(new GlobalSequenceTrackingToken(41), processor, 0);

        assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, processor))
                .isEqualTo(1);
    }

    /**
     * A {@code PlanSubmitted} stored at revision 1 long ago (its bytes, no stored revision, and the hash over them, as
     * the code of then wrote them) is read as revision 2 by the aggregate and the history, the budget's chain still
     * verifies, and the aggregate handles a command after it; a new one is stored at revision 2.
     */
    @Test
    void aPlanSubmittedStoredAtRevisionOneIsReadAsRevisionTwo() throws Exception {
        String id = newId();
        BudgetId budget = new BudgetId(id);
        Plan plan = new Plan(
                List.of(new PlanLine("Peer support group", Money.yearly(100_000), "G1", null)),
                PlanningApproach.PEER_SUPPORTED,
                null,
                new PersonAgreement(
                        AgreementMethod.IN_PERSON, OCCURRED_AT, "Case note CN-7", "Agreed at the peer group"));
        List<BudgetEvent> life = List.of(
                budgetOpened(id),
                new NeedsAssessed(
                        budget,
                        act("practitioner-1", Role.PRACTITIONER),
                        new ControlTransfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        new Assessment(
                                AssessmentKind.CO_PRODUCED,
                                List.of("Developing relationships"),
                                true,
                                "Two outcomes cannot be achieved",
                                true,
                                List.of(new RecoveryGoal("G1", "Rebuild contact with friends")),
                                false)),
                new BudgetOffered(
                        budget,
                        act("authority-1", Role.AUTHORITY),
                        new ControlTransfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        new Offer(
                                Money.yearly(100_000),
                                new Calculation(
                                        "RAS",
                                        "2026.1",
                                        List.of(new BreakdownLine("Peer support", Money.yearly(100_000)))),
                                true,
                                NotificationMethod.IN_PERSON)),
                new OfferAccepted(
                        budget,
                        act("P-123", Role.PERSON),
                        new ControlTransfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        Money.yearly(100_000)),
                new PlanSubmitted(
                        budget,
                        act("P-123", Role.PERSON),
                        new ControlTransfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER),
                        plan));
        for (int sequence = 0; sequence < life.size(); sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, sequence, life.get(sequence)));
        }
        assertThat(jdbc.queryForObject(
                        "SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? AND"
                                + " sequence_number = 4",
                        String.class,
                        id))
                .as("stored now, so at revision 2")
                .isEqualTo("2");

        storeAsRevisionOne(id, 4);
        budgetCache.removeAll();

        assertThat(eventStore.readEvents(id, 0).asStream().toList().get(4).getPayload())
                .isEqualTo(life.get(4));
        assertThat(history.current(budget).plan()).isEqualTo(plan);
        assertThat(tamperEvidence.verify(budget).orElseThrow().intact()).isTrue();

        commandGateway.sendAndWait(
                new EndorsePlan(budget, Actor.of("practitioner-1", Role.PRACTITIONER, "leeds"), new Endorsement(null)));

        assertThat(eventStore.readEvents(id, 0).asStream().toList())
                .hasSize(6)
                .last()
                .extracting(DomainEventMessage::getPayload)
                .isInstanceOf(PlanEndorsed.class);
        assertThat(tamperEvidence.verify(budget).orElseThrow().intact()).isTrue();
    }

    /**
     * Rewrites the budget's last event, a {@code PlanSubmitted}, as budget-service stored it at revision 1: the notes
     * on the agreement (still sealed) beside it as {@code plan.personAgreement}, no stored revision, and its hash over
     * that.
     */
    private void storeAsRevisionOne(String id, long sequence) throws Exception {
        StoredEvent now = jdbc.queryForObject(
                "SELECT aggregate_identifier, sequence_number, event_identifier, type, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?",
                (row, i) -> new StoredEvent(
                        row.getString(1),
                        row.getLong(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getBytes(8),
                        row.getBytes(9)),
                id,
                sequence);
        ObjectNode json = (ObjectNode) objectMapper.readTree(now.payload());
        ObjectNode storedPlan = (ObjectNode) json.get("plan");
        JsonNode notes = ((ObjectNode) storedPlan.get("agreement")).remove("notes");
        assertThat(notes.asText()).as("sealed").startsWith("pd:v1:");
        ObjectNode revisionOne = objectMapper.createObjectNode();
        storedPlan.fields().forEachRemaining(field -> {
            if (field.getKey().equals("agreement")) {
                revisionOne.set("personAgreement", notes);
            }
            revisionOne.set(field.getKey(), field.getValue());
        });
        json.set("plan", revisionOne);
        StoredEvent then = new StoredEvent(
                now.aggregateIdentifier(),
                now.sequenceNumber(),
                now.eventIdentifier(),
                now.type(),
                now.timestamp(),
                now.payloadType(),
                null,
                objectMapper.writeValueAsBytes(json),
                now.metaData());
        String previous = jdbc.queryForObject(
                "SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                id,
                sequence - 1);
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ?, payload_revision = NULL, hash = ?"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?",
                then.payload(),
                EventHash.of(previous, then),
                id,
                sequence);
    }

    private static Act act(String actor, Role role) {
        return new Act(actor, role, null, OCCURRED_AT);
    }

    /** Stores {@code count} events of one budget; their global indexes, in sequence order. */
    List<Long> publishEventsAndTheirGlobalIndexes(String id, int count) {
        eventStore.publish(IntStream.range(0, count)
                .mapToObj(sequence -> new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, sequence, budgetOpened(id)))
                .toList());
        return jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class,
                id);
    }

    static String newId() {
        return BudgetId.generate().value();
    }

    private static BudgetOpened budgetOpened(String id) {
        return new BudgetOpened(
                new BudgetId(id),
                new Act("practitioner-1", Role.PRACTITIONER, null, OCCURRED_AT),
                new ControlTransfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                new BudgetOpening(new PersonReference("P-123"), "leeds", "practitioner-1"));
    }
}
