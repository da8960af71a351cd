package uk.gov.personalbudget.budget.walkthrough;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/walkthrough.md, run as written against the service on its embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:walkthrough;DB_CLOSE_DELAY=-1",
            "budget.publication.enabled=false"
        })
class WalkthroughDocTest {

    @LocalServerPort
    int port;

    @Test
    void theWalkthroughRunsAsWrittenWithEachStepsControlHolderMatchingTheDomain() throws Exception {
        var run = WalkthroughScript.runAgainst("http://localhost:" + port);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.controlHolders()).as(run.output()).containsExactlyElementsOf(WalkthroughScript.EXPECTED_CONTROL);
        assertThat(run.output())
                .contains("ETag: \"25\"")
                .contains("\"status\":\"PLANNING\",\"planInForce\":true")
                .contains("\"status\":\"CLOSED\"")
                .contains("\"status\":\"PLAN_ENDORSED\"")
                .contains("\"version\":13")
                .contains("\"type\":\"BudgetClosed\",\"sequence\":25");
    }
}
