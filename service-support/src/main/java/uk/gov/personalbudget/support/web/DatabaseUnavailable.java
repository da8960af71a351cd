package uk.gov.personalbudget.support.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means a database the service needs is unreachable or temporarily refusing work, so that
 * the same request may succeed later (a 503), rather than a fault of the service (a 500). Frameworks wrap
 * these failures (Axon's {@code EventStoreException} and {@code JdbcException}, Spring's translations,
 * Hikari's timeout), so the whole cause chain is searched.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isUnavailability(cause)) {
                return true;
            }
            // A rollback after a lost connection fails too ("Connection is closed", no SQLState) and replaces
            // the original failure, which Spring keeps, if at all, as the application exception.
            if (cause instanceof TransactionSystemException transaction
                    && (transaction.getCause() instanceof SQLException
                            || transaction.getApplicationException() != null
                                    && isCauseOf(transaction.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailability(Throwable cause) {
        // SQLTransientException covers Hikari's "connection is not available" (SQLTransientConnectionException).
        if (cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // Drivers that do not use the JDBC subclasses (PostgreSQL's) say it in the SQLState: class 08 is a
        // connection exception, 57P01-57P03 a server shutting down, crashed or still starting.
        return cause instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }
}
