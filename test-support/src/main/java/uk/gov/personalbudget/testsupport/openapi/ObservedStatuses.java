package uk.gov.personalbudget.testsupport.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the method, path and status of every request a service's tests send, one line each, to a file of this test
 * JVM's own under the directory {@link #PROPERTY} names: what {@link DeclaredStatuses} compares with the OpenAPI
 * document after the tests have run. Outermost of the filters, so it sees the status the caller got.
 */
public final class ObservedStatuses extends OncePerRequestFilter {

    /** The system property naming the directory (each service's surefire sets it under {@code target/}). */
    public static final String PROPERTY = "api.observed-statuses";

    private final Path file;

    ObservedStatuses(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
        this.file = directory.resolve("observed-" + ProcessHandle.current().pid() + ".txt");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            record(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus());
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private synchronized void record(String line) throws IOException {
        Files.writeString(
                file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
