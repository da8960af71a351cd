package uk.gov.personalbudget.support.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A database that is down is a 503 the caller may retry, however deeply a framework wrapped the failure. */
class DatabaseUnavailableProblemTest {

    private static final ThreadLocal<RuntimeException> TO_THROW = new ThreadLocal<>();

    @RestController
    static class Failing {
        @GetMapping("/fail")
        String fail() {
            throw TO_THROW.get();
        }
    }

    @RestControllerAdvice
    static class Problems extends ApiProblemHandling {}

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new Problems())
            .build();

    /** Stands in for Axon's EventStoreException, a non-transient wrapper around the driver's failure. */
    static class WrappingException extends RuntimeException {
        WrappingException(Throwable cause) {
            super("an event could not be stored", cause);
        }
    }

    static Stream<RuntimeException> unavailable() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        return Stream.of(
                new DataAccessResourceFailureException("no connection", new SQLTransientConnectionException("timeout")),
                new DataAccessResourceFailureException("I/O error", refused),
                new QueryTimeoutException("timed out"),
                new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new WrappingException(refused),
                // Axon's read of a budget's events after PostgreSQL went away: the rollback fails on the closed
                // connection and hides the I/O error.
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")),
                new WrappingException(
                        new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @ParameterizedTest
    @MethodSource("unavailable")
    void aDatabaseThatIsDownIsA503ProblemWithRetryAfter(RuntimeException failure) throws Exception {
        TO_THROW.set(failure);
        mvc.perform(get("/fail"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:service-unavailable"))
                .andExpect(jsonPath("$.status").value(503));
    }

    static Stream<RuntimeException> faults() {
        return Stream.of(
                new IllegalStateException("a bug"),
                new TransactionSystemException("no transaction in progress"),
                new DuplicateKeyException("duplicate", new SQLException("duplicate key", "23505")),
                new WrappingException(new SQLException("syntax error", "42601")));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void anythingElseUnforeseenStaysA500(RuntimeException failure) throws Exception {
        TO_THROW.set(failure);
        var result = mvc.perform(get("/fail"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:internal-error"))
                .andReturn();
        assertThat(result.getResponse().getHeader("Retry-After")).isNull();
    }
}
