package uk.gov.personalbudget.budget.integrity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's insert of new events, with each event's hash chained to the one before it in its budget
 * ({@link EventHash}). Payload and meta-data are serialized once, and the very bytes hashed are the bytes written:
 * a serializer that gives different bytes each time (random IVs) cannot make the stored hash disagree with the row.
 * <p>
 * The previous hash is read on the appending transaction's own connection. Axon holds the aggregate's lock for the
 * whole command and the unique key (aggregate, sequence) refuses a second writer of the same sequence, so two
 * events can never both follow the same predecessor: the chain cannot fork.
 * <p>
 * The hash of each budget's last event this instance stored is remembered once its transaction has committed (a
 * stored event's hash never changes), so a command on a budget this instance last changed reads nothing before its
 * insert: one statement fewer per command. A budget another instance changed since has a later last event than the
 * one remembered, and its predecessor's hash is read as before.
 */
public class HashChainingAppend implements AppendEventsStatementBuilder {

    /** About as many budgets as the aggregate cache keeps (a few hundred bytes each). */
    static final long REMEMBERED_BUDGETS = 10_000;

    private final Cache<String, Link> committedTips = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_BUDGETS)
            .executor(Runnable::run)
            .build();

    @Override
    public PreparedStatement build(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            List<? extends EventMessage<?>> events,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        if (!byte[].class.equals(dataType)) {
            throw new IllegalStateException("the hash chain covers payloads stored as bytes, not as " + dataType);
        }
        Map<String, Link> lastOfBatch = new HashMap<>();
        PreparedStatement insert = connection.prepareStatement(ChainSql.insert(schema));
        try {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEvent(message);
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
                // Written as text by us rather than by timestampWriter, so the hashed text is the stored text; the
                // format is the one Axon's default writer uses.
                StoredEvent stored = new StoredEvent(
                        event.getAggregateIdentifier(),
                        event.getSequenceNumber(),
                        event.getIdentifier(),
                        event.getType(),
                        DateTimeUtils.formatInstant(event.getTimestamp()),
                        payload.getType().getName(),
                        payload.getType().getRevision(),
                        payload.getData(),
                        metaData.getData());
                Link previous = lastOfBatch.get(stored.aggregateIdentifier());
                if (previous == null) {
                    previous = committedTips.getIfPresent(stored.aggregateIdentifier());
                }
                String previousHash = previous != null && previous.sequence() == stored.sequenceNumber() - 1
                        ? previous.hash()
                        : storedPreviousHash(connection, schema, stored);
                String hash = EventHash.of(previousHash, stored);
                lastOfBatch.put(stored.aggregateIdentifier(), new Link(stored.sequenceNumber(), hash));

                insert.setString(1, stored.eventIdentifier());
                insert.setString(2, stored.aggregateIdentifier());
                insert.setLong(3, stored.sequenceNumber());
                insert.setString(4, stored.type());
                insert.setString(5, stored.timestamp());
                insert.setString(6, stored.payloadType());
                insert.setString(7, stored.payloadRevision());
                insert.setBytes(8, stored.payload());
                insert.setBytes(9, stored.metaData());
                insert.setString(10, previousHash);
                insert.setString(11, hash);
                insert.addBatch();
            }
            rememberOnceCommitted(lastOfBatch);
            return insert;
        } catch (SQLException | RuntimeException e) {
            insert.close();
            throw e;
        }
    }

    /** Only a committed event's hash may be remembered: a rolled-back one was never stored. */
    private void rememberOnceCommitted(Map<String, Link> lastOfBatch) {
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, Link> tips = Map.copyOf(lastOfBatch);
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> committedTips.putAll(tips));
        }
    }

    /**
     * The hash of the stored event before {@code event}. A legacy predecessor (stored before the chain began) has
     * none: the chain then starts from the hash computed over all the legacy events, which seals them from now on.
     */
    private static String storedPreviousHash(Connection connection, EventSchema schema, StoredEvent event)
            throws SQLException {
        if (event.sequenceNumber() == 0) {
            return EventHash.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement(ChainSql.hashAt(schema))) {
            query.setString(1, event.aggregateIdentifier());
            query.setLong(2, event.sequenceNumber() - 1);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    // A gap would be indistinguishable from a deleted event: refuse to store it.
                    throw new EventStoreException("cannot append event " + event.sequenceNumber() + " of "
                            + event.aggregateIdentifier() + ": its predecessor is not stored");
                }
                String hash = row.getString(1);
                return hash != null ? hash : hashOverLegacyEvents(connection, schema, event);
            }
        }
    }

    private static String hashOverLegacyEvents(Connection connection, EventSchema schema, StoredEvent event)
            throws SQLException {
        String hash = EventHash.GENESIS;
        try (PreparedStatement query = connection.prepareStatement(ChainSql.eventsBefore(schema))) {
            query.setString(1, event.aggregateIdentifier());
            query.setLong(2, event.sequenceNumber());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hash = EventHash.of(hash, ChainSql.read(rows).event());
                }
            }
        }
        return hash;
    }

    /** Axon stores an event published outside an aggregate as its own aggregate's only event, as here. */
    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> event) {
        return event instanceof DomainEventMessage<T> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private record Link(long sequence, String hash) {}
}
