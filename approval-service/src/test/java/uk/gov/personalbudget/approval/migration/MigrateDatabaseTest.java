package uk.gov.personalbudget.approval.migration;

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

class MigrateDatabaseTest {

    private final Database projections = EmbeddedPostgresServer.newDatabase();

    @Test
    void migratesTheProjectionDatabaseFromTheServicesVariablesAndASecondRunChangesNothing() {
        migrate();

        List<Map<String, Object>> history = history();
        assertThat(history).extracting(row -> row.get("version")).containsExactly("1", "2", "3", "4", "5");

        migrate();

        assertThat(history()).isEqualTo(history);
    }

    @Test
    void theServiceLeavesItsSchemaAloneWhenApprovalDbMigrateIsFalse() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("APPROVAL_DB_MIGRATE", "false")));

        assertThat(environment.getProperty("spring.flyway.enabled", Boolean.class))
                .isFalse();
    }

    /** As the Kubernetes Job and compose's migrate service run it, with the service's own variables set. */
    private void migrate() {
        MigrateDatabase.migrate(
                        "--APPROVAL_DB_URL=" + projections.url(),
                        "--APPROVAL_DB_USERNAME=" + projections.username(),
                        "--APPROVAL_DB_PASSWORD=" + projections.password(),
                        // As the service's ConfigMap sets it: the migration runs all the same.
                        "--APPROVAL_DB_MIGRATE=false")
                .close();
    }

    private List<Map<String, Object>> history() {
        return new JdbcTemplate(
                        new DriverManagerDataSource(projections.url(), projections.username(), projections.password()))
                .queryForList("SELECT version, checksum, installed_on "
                        + "FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }
}
