package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.budget.support.LocalProfileTest;

/** The whole service on H2 over MockMvc, with an {@link ApiClient}; every API test class shares the context. */
@LocalProfileTest
abstract class ApiTestSupport {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ObjectMapper objectMapper;

    @Autowired
    private DevTokenIssuer issuer;

    @Autowired
    private JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void createClient() {
        api = new ApiClient(mvc, objectMapper, issuer, jdbc);
    }
}
