package uk.gov.personalbudget.budget.integrity;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.budget.eventstore.EventStoreConfiguration;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's stream reads each row's hash columns too and keeps the row for publication exactly as the store
 * holds it, so publication need not read it again.
 */
class ChainReadingStorageEngineTest {

    private final EventSchema schema = EventStoreConfiguration.budgetEventSchema();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final RecentlyReadRows recentlyRead = new RecentlyReadRows(RecentlyReadRows.DEFAULT_CAPACITY);
    private JdbcDataSource database;
    private ChainReadingStorageEngine engine;

    @BeforeEach
    void migrate() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:chain-reading-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        engine = new ChainReadingStorageEngine(
                JdbcEventStorageEngine.builder()
                        .connectionProvider(database::getConnection)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .schema(schema)
                        .appendEvents(new HashChainingAppend()),
                recentlyRead);
    }

    @Test
    void eachRowTheStreamReadsIsKeptAsStoredWithItsHashes() {
        append(events("b-1", 3));
        append(events("b-2", 2));

        List<? extends TrackedEventMessage<?>> streamed =
                engine.readEvents(null, false).toList();

        List<ChainedEvent> stored =
                new TamperEvidence(new JdbcTemplate(database), schema, Clock.systemUTC()).storedEventsFrom(0, 100);
        assertThat(streamed).hasSize(5);
        assertThat(stored).hasSize(5).allSatisfy(row -> assertThat(row.hash()).isNotNull());
        for (ChainedEvent row : stored) {
            assertThat(recentlyRead.take(row.event().eventIdentifier()))
                    .get()
                    .usingRecursiveComparison()
                    .isEqualTo(row);
        }
        assertThat(recentlyRead.size()).isZero();
    }

    @Test
    void loadingABudgetKeepsNothing() {
        append(events("b-1", 3));

        assertThat(engine.readEvents("b-1").asStream()).hasSize(3);

        assertThat(recentlyRead.size()).isZero();
    }

    private void append(List<DomainEventMessage<?>> events) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(events);
        unitOfWork.commit();
    }

    private static List<DomainEventMessage<?>> events(String budget, int count) {
        return IntStream.range(0, count)
                .<DomainEventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>(
                        "PersonalBudget",
                        budget,
                        sequence,
                        "event " + sequence,
                        MetaData.with("traceparent", "00-" + "a".repeat(32) + "-" + "b".repeat(16) + "-01")))
                .toList();
    }
}
