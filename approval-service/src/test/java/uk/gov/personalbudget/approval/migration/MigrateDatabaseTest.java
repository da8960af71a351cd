package uk.gov.personalbudget.approval.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
        assertThat(history)
                .extracting(row -> row.get("version"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");

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

    /**
     * V6 sets plan_in_force on rows projected before it from what they hold: an approved budget neither ending nor
     * closed (a suspended one included) has its plan in force, as the contracts' status rule would have said.
     */
    @Test
    void rowsProjectedBeforeThePlanInForceColumnGetItFromWhatTheyHold() {
        flyway().target("5").load().migrate();
        JdbcTemplate jdbc = jdbc();
        row(jdbc, "PB-ACTIVE", "ACTIVE", null, 1_200_000L);
        row(jdbc, "PB-REPLANNING", "PLAN_SUBMITTED", null, 1_200_000L);
        row(jdbc, "PB-SUSPENDED", "SUSPENDED", "ACTIVE", 1_200_000L);
        row(jdbc, "PB-NOT-YET", "PLANNING", null, null);
        row(jdbc, "PB-ENDING", "ENDING", null, 1_200_000L);
        row(jdbc, "PB-CLOSED", "CLOSED", null, 1_200_000L);

        flyway().load().migrate();

        assertThat(jdbc.queryForList(
                        "SELECT budget_id FROM budget_summary WHERE plan_in_force ORDER BY budget_id", String.class))
                .containsExactly("PB-ACTIVE", "PB-REPLANNING", "PB-SUSPENDED");
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(projections.url(), projections.username(), projections.password())
                .locations("classpath:db/migration/postgresql");
    }

    private static void row(JdbcTemplate jdbc, String budget, String status, String beforeSuspension, Long approved) {
        jdbc.update(
                "INSERT INTO budget_summary (generation, budget_id, last_sequence, last_event_at, person_reference, "
                        + "local_authority, opened_at, status, status_before_suspension, control_party, control_since, "
                        + "approved_pence, contest_count, plan_count, return_count, decline_count, delegation_count) "
                        + "VALUES (1, ?, 9, CURRENT_TIMESTAMP, 'P-1001', 'leeds', CURRENT_TIMESTAMP, ?, ?, 'PERSON', "
                        + "CURRENT_TIMESTAMP, ?, 0, 1, 0, 0, 0)",
                budget,
                status,
                beforeSuspension,
                approved);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(
                new DriverManagerDataSource(projections.url(), projections.username(), projections.password()));
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
        return jdbc().queryForList("SELECT version, checksum, installed_on "
                + "FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }
}
