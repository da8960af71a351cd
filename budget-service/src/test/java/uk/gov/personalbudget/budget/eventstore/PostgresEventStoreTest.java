package uk.gov.personalbudget.budget.eventstore;

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
}
