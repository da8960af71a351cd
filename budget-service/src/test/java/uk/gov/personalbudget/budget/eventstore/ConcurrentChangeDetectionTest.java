package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentChangeDetectionTest {

    private final ConcurrentChangeDetection detection = new ConcurrentChangeDetection();

    @Test
    void recognisesPostgresRefusingABatchInsertForATakenSequenceNumber() {
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 0 INSERT INTO domain_event_entry was aborted",
                PSQLState.UNIQUE_VIOLATION.getState(),
                0,
                new int[0]);
        batch.setNextException(new PSQLException(
                "duplicate key value violates unique constraint " + "\"domain_event_entry_aggregate_sequence_uk\"",
                PSQLState.UNIQUE_VIOLATION));

        assertThat(detection.isDuplicateKeyViolation(storeFailure(batch))).isTrue();
        assertThat(detection.isDuplicateKeyViolation(storeFailure(new BatchUpdateException(
                        "aborted",
                        null,
                        0,
                        new int[0],
                        new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)))))
                .isTrue();
    }

    @Test
    void recognisesH2RefusingATakenSequenceNumber() {
        SQLException h2 = new JdbcSQLIntegrityConstraintViolationException(
                "Unique index or primary key violation",
                "INSERT INTO domain_event_entry",
                "23505",
                ErrorCode.DUPLICATE_KEY_1,
                null,
                null);

        assertThat(detection.isDuplicateKeyViolation(storeFailure(h2))).isTrue();
    }

    @Test
    void anyOtherFailureIsNoConcurrentChange() {
        assertThat(detection.isDuplicateKeyViolation(storeFailure(
                        new PSQLException("the database system is shutting down", PSQLState.CONNECTION_FAILURE))))
                .isFalse();
        assertThat(detection.isDuplicateKeyViolation(storeFailure(new SQLTransientConnectionException("timeout"))))
                .isFalse();
        assertThat(detection.isDuplicateKeyViolation(new IllegalStateException("no SQL at all")))
                .isFalse();
    }

    private static Exception storeFailure(SQLException cause) {
        return new EventStoreException(
                "An event for aggregate [b-1] at sequence [6] could not be persisted", new RuntimeException(cause));
    }
}
