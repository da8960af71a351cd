package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells Axon that an insert refused by the event store's unique (aggregate_identifier, sequence_number) is
 * another command having changed the budget first, so the command fails with {@code ConcurrencyException}
 * (409 concurrent-change). Axon's JDBC default recognises only {@link SQLIntegrityConstraintViolationException},
 * which H2 throws but the PostgreSQL driver never does: there, two instances racing on one budget gave a 500.
 */
@Component
class ConcurrentChangeDetection implements PersistenceExceptionResolver {

    /** SQLSTATE unique_violation, the same on PostgreSQL and H2. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final int MAX_DEPTH = 32;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    /** A batch insert reports the statement's own failure as its next exception. */
    private static boolean isUniqueViolation(SQLException sql) {
        SQLException next = sql;
        for (int depth = 0; next != null && depth < MAX_DEPTH; depth++, next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
