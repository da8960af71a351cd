package uk.gov.personalbudget.budget.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
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
import uk.gov.personalbudget.budget.personaldata.PersonalDataEventSerializer;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.PersonReference;
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

    @Test
    void globalIndexGrowsOneByOne() {
        String id = newId();
        eventStore.publish(IntStream.range(0, 3)
                .mapToObj(sequence -> new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, sequence, budgetOpened(id)))
                .toList());

        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class,
                id);
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

    private static String newId() {
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
