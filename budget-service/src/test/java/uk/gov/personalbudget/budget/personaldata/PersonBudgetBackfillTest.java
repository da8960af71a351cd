package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's V4 fills the person-budget index from the budgets opened before it, on both databases we run on: each
 * budget's person and council, read from its {@code BudgetOpened} as the event serializer stored it, and nothing
 * from any other event.
 */
class PersonBudgetBackfillTest {

    private static final ObjectMapper STORED_AS = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void onH2() throws Exception {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        theBudgetsOpenedBeforeTheIndexAreInIt(h2, "h2");
    }

    @Test
    void onPostgres() throws Exception {
        EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();
        theBudgetsOpenedBeforeTheIndexAreInIt(
                new DriverManagerDataSource(database.url(), database.username(), database.password()), "postgresql");
    }

    private void theBudgetsOpenedBeforeTheIndexAreInIt(DataSource database, String vendor) throws Exception {
        migrate(database, vendor, "3");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        store(jdbc, opened("b-1", "P-1001", "leeds", "pr-ellis"), 0);
        store(jdbc, opened("b-2", "P-2002", "bristol", null), 0);
        store(
                jdbc,
                new OfferAccepted(
                        new BudgetId("b-1"),
                        new Act("p-amara", Role.PERSON, null, AT),
                        new ControlTransfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        null),
                1);

        migrate(database, vendor, "latest");

        assertThat(jdbc.query(
                        "SELECT budget_id, person_ref, council FROM person_budget ORDER BY budget_id",
                        (row, i) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3)))
                .containsExactly("b-1 P-1001 leeds", "b-2 P-2002 bristol");
    }

    private static BudgetOpened opened(String budget, String person, String council, String practitioner) {
        return new BudgetOpened(
                new BudgetId(budget),
                new Act("pr-ellis", Role.PRACTITIONER, null, AT),
                new ControlTransfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                new BudgetOpening(new PersonReference(person), council, practitioner));
    }

    private static void store(JdbcTemplate jdbc, Object event, long sequence) throws Exception {
        BudgetId budget = event instanceof BudgetOpened opened ? opened.budgetId() : ((OfferAccepted) event).budgetId();
        jdbc.update(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                budget.value(),
                sequence,
                "PersonalBudget",
                AT.toString(),
                event.getClass().getName(),
                STORED_AS.writeValueAsBytes(event),
                "{}".getBytes());
    }

    private static void migrate(DataSource database, String vendor, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/" + vendor)
                .target(target)
                .load()
                .migrate();
    }
}
