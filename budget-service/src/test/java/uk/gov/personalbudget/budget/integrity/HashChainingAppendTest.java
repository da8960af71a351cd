package uk.gov.personalbudget.budget.integrity;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.budget.eventstore.EventStoreConfiguration;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The append chains each event to its predecessor's hash, read from the store unless this instance committed that
 * predecessor itself: then it is remembered, and the command runs one statement fewer.
 */
class HashChainingAppendTest {

    private static final String BUDGET = "b-chain";

    private final EventSchema schema = EventStoreConfiguration.budgetEventSchema();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final AtomicInteger hashReads = new AtomicInteger();
    private JdbcDataSource database;

    @BeforeEach
    void migrate() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
    }

    @Test
    void aBudgetThisInstanceLastChangedIsChainedWithoutReadingItsLastHash() throws SQLException {
        HashChainingAppend append = new HashChainingAppend();
        appendCommitted(append, event(0), event(1));
        hashReads.set(0);

        appendCommitted(append, event(2));

        assertThat(hashReads).hasValue(0);
        assertThat(previousHashOf(2)).isEqualTo(hashOf(1));
    }

    @Test
    void aBudgetAnotherInstanceChangedSinceIsChainedToTheStoredHash() throws SQLException {
        HashChainingAppend thisInstance = new HashChainingAppend();
        HashChainingAppend otherInstance = new HashChainingAppend();
        appendCommitted(thisInstance, event(0));
        appendCommitted(otherInstance, event(1));
        hashReads.set(0);

        appendCommitted(thisInstance, event(2));

        assertThat(hashReads).hasValue(1);
        assertThat(previousHashOf(2)).isEqualTo(hashOf(1));
    }

    @Test
    void anAppendRolledBackIsNotRemembered() throws SQLException {
        HashChainingAppend append = new HashChainingAppend();
        appendCommitted(append, event(0));
        appendRolledBack(append, event(1));
        appendCommitted(new HashChainingAppend(), event(1, "stored by another instance instead"));
        hashReads.set(0);

        appendCommitted(append, event(2));

        assertThat(hashReads).hasValue(1);
        assertThat(previousHashOf(2)).isEqualTo(hashOf(1));
    }

    private void appendCommitted(HashChainingAppend append, DomainEventMessage<?>... events) throws SQLException {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try (Connection connection = counting(database.getConnection())) {
            PreparedStatement insert =
                    append.build(connection, schema, byte[].class, List.of(events), serializer, null);
            insert.executeBatch();
            insert.close();
        }
        unitOfWork.commit();
    }

    private void appendRolledBack(HashChainingAppend append, DomainEventMessage<?>... events) throws SQLException {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try (Connection connection = counting(database.getConnection())) {
            append.build(connection, schema, byte[].class, List.of(events), serializer, null)
                    .close();
        }
        unitOfWork.rollback();
    }

    /** The connection, counting each read of a stored event's hash. */
    private Connection counting(Connection connection) {
        String hashAt = ChainSql.hashAt(schema);
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement") && hashAt.equals(arguments[0])) {
                        hashReads.incrementAndGet();
                    }
                    return method.invoke(connection, arguments);
                });
    }

    private static DomainEventMessage<?> event(long sequence) {
        return event(sequence, "event " + sequence);
    }

    private static DomainEventMessage<?> event(long sequence, String payload) {
        return new GenericDomainEventMessage<>("PersonalBudget", BUDGET, sequence, payload, Map.of());
    }

    private String hashOf(long sequence) throws SQLException {
        return column("hash", sequence);
    }

    private String previousHashOf(long sequence) throws SQLException {
        return column("previous_hash", sequence);
    }

    private String column(String column, long sequence) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + column
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            query.setString(1, BUDGET);
            query.setLong(2, sequence);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
