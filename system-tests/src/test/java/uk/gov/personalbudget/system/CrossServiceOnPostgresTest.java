package uk.gov.personalbudget.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * The cross-service lifecycle with each service on its own database of a real PostgreSQL server, and the key
 * store in a third database of it.
 */
class CrossServiceOnPostgresTest extends CrossServiceLifecycleTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    List<String> database(String service) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + service);
        }
        return List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", service),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
    }

    @Override
    List<String> keyStore() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE keys");
        }
        return List.of(
                "--personal-data.keys.datasource.url=" + postgres.getJdbcUrl("postgres", "keys"),
                "--personal-data.keys.datasource.username=postgres",
                "--personal-data.keys.datasource.password=postgres");
    }
}
