package uk.gov.personalbudget.budget.integrity;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC storage engine, whose reads of the event stream also return each row's two hash columns (the schema's
 * tracked event fields, {@link #trackedEventFields(EventSchema)}) and keep each row as it was stored in
 * {@link RecentlyReadRows}: publication puts exactly those bytes and hashes on Kafka, and without them read every
 * batch's rows a second time (one statement per batch, about one per command at 8 clients).
 */
public class ChainReadingStorageEngine extends JdbcEventStorageEngine {

    private final RecentlyReadRows recentlyRead;

    /** {@code builder}'s schema must have {@link #trackedEventFields(EventSchema)} as its tracked event fields. */
    public ChainReadingStorageEngine(Builder builder, RecentlyReadRows recentlyRead) {
        super(builder);
        this.recentlyRead = recentlyRead;
    }

    /** Axon's tracked event fields (global index and the domain event's columns), then the two hash columns. */
    public static String trackedEventFields(EventSchema schema) {
        return schema.globalIndexColumn() + ", " + schema.domainEventFields() + ", " + ChainSql.PREVIOUS_HASH + ", "
                + ChainSql.HASH;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> tracked = super.getTrackedEventData(row, previousToken);
        EventSchema schema = schema();
        // The payload and meta-data bytes Axon has just read, not a second copy from the driver.
        if (tracked instanceof DomainEventData<?> event
                && event.getPayload().getData() instanceof byte[] payload
                && event.getMetaData().getData() instanceof byte[] metaData) {
            recentlyRead.add(new ChainedEvent(
                    row.getLong(schema.globalIndexColumn()),
                    new StoredEvent(
                            row.getString(schema.aggregateIdentifierColumn()),
                            row.getLong(schema.sequenceNumberColumn()),
                            row.getString(schema.eventIdentifierColumn()),
                            row.getString(schema.typeColumn()),
                            row.getString(schema.timestampColumn()),
                            row.getString(schema.payloadTypeColumn()),
                            row.getString(schema.payloadRevisionColumn()),
                            payload,
                            metaData),
                    row.getString(ChainSql.PREVIOUS_HASH),
                    row.getString(ChainSql.HASH)));
        }
        return tracked;
    }
}
