package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import uk.gov.personalbudget.budget.security.DevTokenController;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event store on a real PostgreSQL, configured the way production is: no profile, every setting from the
 * environment variables application.yml names.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PostgresEventStoreTest extends EventStoreContractTest {

    @DynamicPropertySource
    static void productionEnvironment(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();
        registry.add("BUDGET_DB_URL", database::url);
        registry.add("BUDGET_DB_USERNAME", database::username);
        registry.add("BUDGET_DB_PASSWORD", database::password);
        // Never contacted: the decoder fetches keys on the first token, and these tests send none.
        registry.add("BUDGET_JWT_ISSUER_URI", () -> "https://identity.example.invalid");
        registry.add("BUDGET_JWT_AUDIENCE", () -> "personal-budget-api");
        registry.add("BUDGET_JWT_JWK_SET_URI", () -> "https://identity.example.invalid/jwks");
        registry.add("budget.publication.enabled", () -> "false");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventSchema eventSchema;

    @Override
    String binaryColumnType() {
        return "bytea";
    }

    @Test
    void developmentTokensDoNotExistOutsideTheLocalProfile() throws Exception {
        assertThat(context.getBeanNamesForType(DevTokenIssuer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevTokenController.class)).isEmpty();

        mvc.perform(post(DevTokenController.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sub\":\"someone\",\"role\":\"SYSTEM\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * A statement prepared on the server gets a generic plan after a few calls, kept until the table's next ANALYZE;
     * for the read past gaps that plan scanned the whole event table once made on a small one (GapsAsOneArray). The
     * driver prepares a text on the server from its fifth call on a connection: twelve calls must not get it there.
     */
    @Test
    void theStreamsReadPastGapsIsPlannedWithItsValuesOnEveryCall() throws SQLException {
        List<Long> published = publishEventsAndTheirGlobalIndexes(newId(), 3);
        long token = published.get(0) - 1;
        GapsAsOneArray read = new GapsAsOneArray();

        try (Connection connection = dataSource.getConnection()) {
            for (int call = 0; call < 12; call++) {
                List<Long> found = new ArrayList<>();
                try (PreparedStatement statement = read.build(connection, eventSchema, token, 10, List.of(token));
                        ResultSet events = statement.executeQuery()) {
                    while (events.next()) {
                        found.add(events.getLong(eventSchema.globalIndexColumn()));
                    }
                }
                assertThat(found).containsAll(published);
            }
            try (PreparedStatement prepared = connection.prepareStatement(
                            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%= ANY(%'");
                    ResultSet count = prepared.executeQuery()) {
                assertThat(count.next()).isTrue();
                assertThat(count.getLong(1))
                        .as("the read past gaps, prepared on the server")
                        .isZero();
            }
        }
    }
}
