package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.testsupport.openapi.CommittedDocument;
import uk.gov.personalbudget.testsupport.openapi.DeclaredStatuses;
import uk.gov.personalbudget.testsupport.openapi.ObservedStatuses;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every test of the module (failsafe, in verify): each status the tests saw an operation answer is one the
 * committed OpenAPI document declares for it, so a generated client knows every answer it can get.
 */
class ObservedStatusesIT {

    /**
     * Served, and called by the tests, but not operations of the API document; {@code /api/test/} is the endpoint
     * ResourceServerTest adds for itself.
     */
    private static final Set<String> NOT_IN_THE_DOCUMENT =
            Set.of("/actuator", "/v3/api-docs", "/asyncapi.json", "/swagger-ui", "/dev/jwks", "/error", "/api/test/");

    @Test
    void everyObservedStatusIsDeclared() throws Exception {
        List<String> observed = DeclaredStatuses.observations(Path.of(System.getProperty(ObservedStatuses.PROPERTY)));
        assertThat(observed).as("the tests' API calls").isNotEmpty();

        Set<String> undeclared = DeclaredStatuses.of(
                        CommittedDocument.of("budget-service").file())
                .undeclared(observed, NOT_IN_THE_DOCUMENT);

        assertThat(undeclared).as("observed but not declared in the document").isEmpty();
    }
}
