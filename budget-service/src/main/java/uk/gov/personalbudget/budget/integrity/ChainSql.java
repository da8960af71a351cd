package uk.gov.personalbudget.budget.integrity;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The event table's SQL for the hash chain, with Axon's column names from the {@link EventSchema}. */
final class ChainSql {

    /** Columns added by the Flyway migration V2__event_hash_chain; null on legacy rows. */
    static final String PREVIOUS_HASH = "previous_hash";

    static final String HASH = "hash";

    /** One row: the global index of the last event stored before the chain began (0 if there was none). */
    static final String CHAIN_START = "SELECT MIN(last_legacy_global_index) FROM event_hash_chain_start";

    private ChainSql() {}

    /** Axon's insert of one event, plus its two hash columns (parameters 10 and 11). */
    static String insert(EventSchema schema) {
        return "INSERT INTO " + schema.domainEventTable() + " ("
                + String.join(
                        ", ",
                        schema.eventIdentifierColumn(),
                        schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(),
                        schema.typeColumn(),
                        schema.timestampColumn(),
                        schema.payloadTypeColumn(),
                        schema.payloadRevisionColumn(),
                        schema.payloadColumn(),
                        schema.metaDataColumn(),
                        PREVIOUS_HASH,
                        HASH)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** The stored hash of one event: parameters aggregate id, sequence number. */
    static String hashAt(EventSchema schema) {
        return "SELECT " + HASH + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
    }

    /** Every event of an aggregate below a sequence number, in sequence order: parameters aggregate id, bound. */
    static String eventsBefore(EventSchema schema) {
        return "SELECT "
                + String.join(
                        ", ",
                        schema.globalIndexColumn(),
                        schema.eventIdentifierColumn(),
                        schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(),
                        schema.typeColumn(),
                        schema.timestampColumn(),
                        schema.payloadTypeColumn(),
                        schema.payloadRevisionColumn(),
                        schema.payloadColumn(),
                        schema.metaDataColumn(),
                        PREVIOUS_HASH,
                        HASH)
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " < ? ORDER BY " + schema.sequenceNumberColumn();
    }

    /** Sequence number and stored hash of every event of an aggregate: parameter aggregate id. */
    static String hashesOf(EventSchema schema) {
        return "SELECT " + schema.sequenceNumberColumn() + ", " + HASH + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
    }

    /** The stored hash of the event with an identifier: parameter event id. */
    static String hashOfEvent(EventSchema schema) {
        return "SELECT " + HASH + " FROM " + schema.domainEventTable() + " WHERE " + schema.eventIdentifierColumn()
                + " = ?";
    }

    /** The one stored event with an identifier, with the columns of {@link #eventsBefore}: parameter event id. */
    static String eventWithId(EventSchema schema) {
        return "SELECT "
                + String.join(
                        ", ",
                        schema.globalIndexColumn(),
                        schema.eventIdentifierColumn(),
                        schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(),
                        schema.typeColumn(),
                        schema.timestampColumn(),
                        schema.payloadTypeColumn(),
                        schema.payloadRevisionColumn(),
                        schema.payloadColumn(),
                        schema.metaDataColumn(),
                        PREVIOUS_HASH,
                        HASH)
                + " FROM " + schema.domainEventTable() + " WHERE " + schema.eventIdentifierColumn() + " = ?";
    }

    /** Up to {@code ?} events from the given global index on, in the order they were stored. */
    static String eventsFrom(EventSchema schema) {
        String withId = eventWithId(schema);
        return withId.substring(0, withId.indexOf(" WHERE ")) + " WHERE " + schema.globalIndexColumn()
                + " >= ? ORDER BY " + schema.globalIndexColumn() + " LIMIT ?";
    }

    /** The current row of a result of {@link #eventsBefore} or {@link #eventWithId}. */
    static ChainedEvent read(ResultSet row) throws SQLException {
        return new ChainedEvent(
                row.getLong(1),
                new StoredEvent(
                        row.getString(3),
                        row.getLong(4),
                        row.getString(2),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8),
                        row.getBytes(9),
                        row.getBytes(10)),
                row.getString(11),
                row.getString(12));
    }
}
