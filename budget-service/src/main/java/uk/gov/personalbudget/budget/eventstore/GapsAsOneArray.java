package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's read of the event stream past a token with gaps (global indexes taken by transactions not yet committed when
 * it last read), with the gaps bound as one array ({@code global_index = ANY(?)}) instead of an {@code IN} list of one
 * parameter each. Its text is then the same whatever the number of gaps, so the driver prepares it once on the server,
 * where each new length of the list was a new text, parsed and planned anew (0.027 ms a call on PostgreSQL now;
 * docs/benchmarks.md, section 1a, has no clean figure for the list).
 */
final class GapsAsOneArray implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(
            Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        String index = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields() + " FROM "
                + schema.domainEventTable() + " WHERE (" + index + " > ? AND " + index + " <= ?) OR " + index
                + " = ANY(?) ORDER BY " + index + " ASC");
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        statement.setArray(3, connection.createArrayOf("BIGINT", gaps.toArray()));
        return statement;
    }
}
