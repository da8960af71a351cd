package uk.gov.personalbudget.budget.migration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer.Database;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateDatabasesTest {

    private final Database events = EmbeddedPostgresServer.newDatabase();
    private final Database keys = EmbeddedPostgresServer.newDatabase();

    @Test
    void migratesTheEventStoreAndTheKeyStoreFromTheServicesVariablesAndASecondRunChangesNothing() {
        migrate();

        List<Map<String, Object>> eventStoreHistory = history(events, "flyway_schema_history");
        List<Map<String, Object>> keyStoreHistory = history(keys, "person_key_schema_history");
        assertThat(eventStoreHistory).extracting(row -> row.get("version")).containsExactly("1", "2", "3", "4");
        assertThat(keyStoreHistory).extracting(row -> row.get("version")).containsExactly("1");
        assertThat(jdbc(events).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isZero();
        assertThat(jdbc(keys).queryForObject("SELECT COUNT(*) FROM person_key", Long.class))
                .isZero();

        migrate();

        assertThat(history(events, "flyway_schema_history")).isEqualTo(eventStoreHistory);
        assertThat(history(keys, "person_key_schema_history")).isEqualTo(keyStoreHistory);
    }

    @Test
    void theServiceLeavesBothSchemasAloneWhenBudgetDbMigrateIsFalse() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("BUDGET_DB_MIGRATE", "false")));

        assertThat(environment.getProperty("spring.flyway.enabled", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("personal-data.keys.migrate", Boolean.class))
                .isFalse();
    }

    /** As the Kubernetes Job and compose's migrate service run it, with the service's own variables set. */
    private void migrate() {
        MigrateDatabases.migrate(
                        "--BUDGET_DB_URL=" + events.url(),
                        "--BUDGET_DB_USERNAME=" + events.username(),
                        "--BUDGET_DB_PASSWORD=" + events.password(),
                        "--BUDGET_KEYS_DB_URL=" + keys.url(),
                        "--BUDGET_KEYS_DB_USERNAME=" + keys.username(),
                        "--BUDGET_KEYS_DB_PASSWORD=" + keys.password(),
                        // As the service's ConfigMap sets it: the migration runs all the same.
                        "--BUDGET_DB_MIGRATE=false")
                .close();
    }

    private static List<Map<String, Object>> history(Database database, String table) {
        return jdbc(database)
                .queryForList("SELECT version, checksum, installed_on FROM " + table
                        + " WHERE success ORDER BY installed_rank");
    }

    private static JdbcTemplate jdbc(Database database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.url(), database.username(), database.password()));
    }
}
