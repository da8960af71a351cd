package uk.gov.personalbudget.budget.access;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.util.UUID;

/**
 * budget-service as production runs it, on a real port: no profile, tokens checked by the production decoder
 * against {@link TestIssuer} (issuer and audience required), H2 in memory for events and persons' keys, no
 * Kafka. The access-matrix and
 * bad-input tests extend it and so share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServedOverHttp {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private BudgetHttp http;

    @DynamicPropertySource
    static void productionEdge(DynamicPropertyRegistry registry) {
        asShipped(registry);
        // As a deployment that serves its API document to integrators (SPRINGDOC_API_DOCS_ENABLED=true); off by
        // default.
        registry.add("springdoc.api-docs.enabled", () -> "true");
    }

    /** budget-service's production configuration as shipped, on in-memory databases, trusting {@link TestIssuer}. */
    static void asShipped(DynamicPropertyRegistry registry) {
        String database = "access_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("BUDGET_DB_URL", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        registry.add("BUDGET_DB_USERNAME", () -> "sa");
        registry.add("BUDGET_DB_PASSWORD", () -> "");
        registry.add("BUDGET_KEYS_DB_URL", () -> "jdbc:h2:mem:" + database + "_keys;DB_CLOSE_DELAY=-1");
        registry.add("BUDGET_KEYS_DB_USERNAME", () -> "sa");
        registry.add("budget.publication.enabled", () -> "false");
        TestIssuer.get().register(registry);
    }

    protected BudgetHttp http() {
        if (http == null) {
            http = new BudgetHttp("http://localhost:" + port, TestIssuer.get());
        }
        return http;
    }

    /** Every erasure request stored, of every person. */
    protected long storedErasureRequests() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM erasure_request", Long.class);
    }

    /** Every event stored, of every budget. */
    protected long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
