package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's read of the event stream past a token with gaps (global indexes taken by transactions not yet committed when
 * it last read), with the gaps bound as one array ({@code global_index = ANY(?)}) instead of an {@code IN} list of one
 * parameter each, so that its text is the same whatever the number of gaps.
 *
 * <p>On PostgreSQL the statement is planned anew, with its values, on every call. Prepared on the server (which the
 * driver does from a text's fifth execution on a connection), PostgreSQL switched to a generic plan after five more
 * and kept it: made while the table was small, that plan scanned the whole table ({@code Seq Scan}, filtering every
 * row by the {@code OR}), and stayed until the table's next ANALYZE, 0.7 ms a call and growing with the table in a
 * benchmark's first minutes (docs/benchmarks-log.md, "a plan trap in the stream's read"). With its values the
 * planner takes the two index scans of the primary key, as it did for each {@code IN} list's text.
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
        if (statement.isWrapperFor(PGStatement.class)) {
            // Never prepared on the server: each execution is sent unnamed, which PostgreSQL plans with its values.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        statement.setArray(3, connection.createArrayOf("BIGINT", gaps.toArray()));
        return statement;
    }
}
