package uk.gov.personalbudget.approval.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The control summary report over HTTP. Sam's life is put in 2015, a year no other test uses, so the report
 * of that year holds his budget alone and its figures can be worked out by hand.
 */
class ControlSummaryApiTest extends InMemoryApprovalServiceTest {

    private static final Instant OPENED = Instant.parse("2015-01-05T09:00:00Z");
    private static final String YEAR_2015 =
            "/api/v1/reports/control-summary?from=2015-01-01T00:00:00Z&to=2016-01-01T00:00:00Z";
    private static String sams;

    @BeforeEach
    void budget() {
        if (sams == null) {
            sams = "PB-" + UUID.randomUUID();
            publishAndAwait(LifecycleEvents.fullLifecycle(sams, OPENED).envelopes());
        }
    }

    @Test
    void theReportOfARangeCoveringALifeHasItsFigures() throws Exception {
        JsonNode report = json(
                get(YEAR_2015, tokens.authority()).andExpect(status().isOk()).andReturn());

        assertThat(report.get("end").asText()).isEqualTo("2016-01-01T00:00:00Z");
        JsonNode overall = report.get("overall");
        // Declined after 6 days' wait (endorsed, statement a day later, declined 5 days after); approved after 3.
        assertThat(overall.at("/authorityWaiting/plansDecided").asInt()).isEqualTo(2);
        assertThat(overall.at("/authorityWaiting/medianSeconds").asLong()).isEqualTo(days(3));
        assertThat(overall.at("/authorityWaiting/p90Seconds").asLong()).isEqualTo(days(6));
        // Offered £12,500, asked for £14,000, revised to £13,500.
        JsonNode contests = overall.get("contests");
        assertThat(contests.get("budgetsOffered").asInt()).isEqualTo(1);
        assertThat(contests.get("budgetsContested").asInt()).isEqualTo(1);
        assertThat(contests.get("contestRate").asDouble()).isEqualTo(1.0);
        assertThat(contests.get("contests").asInt()).isEqualTo(1);
        assertThat(contests.get("raisedPartly").asInt()).isEqualTo(1);
        assertThat(contests.get("raisedToAsked").asInt()
                        + contests.get("notRaised").asInt()
                        + contests.get("lapsed").asInt()
                        + contests.get("awaitingAnswer").asInt())
                .isZero();
        // Three submissions: the first returned, the second declined, the third approved.
        JsonNode plans = overall.get("plans");
        assertThat(plans.get("submitted").asInt()).isEqualTo(3);
        assertThat(plans.get("returned").asInt()).isEqualTo(1);
        assertThat(plans.get("returnRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(plans.get("endorsed").asInt()).isEqualTo(2);
        assertThat(plans.get("declined").asInt()).isEqualTo(1);
        assertThat(plans.get("declineRate").asDouble()).isEqualTo(0.5);
        // Sam himself held control for 2 + 11 + 4 + 6 + 22 + 43 + 15 + 60 of his budget's 280 days.
        JsonNode share = overall.at("/personControl/budgets/0");
        assertThat(overall.at("/personControl/budgets").size()).isEqualTo(1);
        assertThat(share.get("budgetId").asText()).isEqualTo(sams);
        assertThat(share.get("managementGroup").asText()).isEqualTo("DIRECT_PAYMENT");
        assertThat(share.get("lifeSeconds").asLong()).isEqualTo(days(280));
        assertThat(share.get("personSeconds").asLong()).isEqualTo(days(163));
        assertThat(share.get("share").asDouble()).isCloseTo(163.0 / 280, within(1e-9));
        assertThat(overall.at("/personControl/averageShare").asDouble()).isCloseTo(163.0 / 280, within(1e-9));
        // His sister handed control back on day 92, well before the intended day 120.
        assertThat(overall.at("/overdueDelegations/count").asInt()).isZero();

        assertThat(report.at("/byManagementOption/DIRECT_PAYMENT/plans/submitted")
                        .asInt())
                .isEqualTo(3);
        assertThat(report.at("/byManagementOption/NONE/plans/submitted").asInt())
                .isZero();
        assertThat(report.at("/byManagementOption/NONE/personControl/averageShare")
                        .isNull())
                .isTrue();
    }

    @Test
    void theAuthorityAndAuditorsOfAnotherCouncilSeeNoneOfThisCouncilsBudgets() throws Exception {
        var bristol = tokens.inCouncil(TokenHolder.OTHER_COUNCIL);
        for (String token : List.of(bristol.authority(), bristol.auditor())) {
            String body = get(YEAR_2015, token)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            JsonNode overall = objectMapper.readTree(body).get("overall");
            assertThat(overall.at("/personControl/budgets").size()).isZero();
            assertThat(overall.at("/contests/budgetsOffered").asInt()).isZero();
            assertThat(overall.at("/plans/submitted").asInt()).isZero();
            assertThat(body).doesNotContain(sams);
        }
    }

    @Test
    void auditorsReadTheReportAndOthersMayNot() throws Exception {
        get(YEAR_2015, tokens.auditor()).andExpect(status().isOk());
        for (String token : List.of(
                tokens.person(LifecycleEvents.PERSON_REF),
                tokens.practitioner(LifecycleEvents.PRACTITIONER),
                tokens.system())) {
            get(YEAR_2015, token).andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
        }
    }

    @Test
    void aRangeThatDoesNotEndAfterItStartsIsABadRequest() throws Exception {
        for (String range : List.of(
                "from=2015-06-01T00:00:00Z&to=2015-06-01T00:00:00Z",
                "from=2015-06-01T00:00:00Z&to=2015-01-01T00:00:00Z")) {
            get("/api/v1/reports/control-summary?" + range, tokens.authority())
                    .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-range"))
                    .andExpect(jsonPath("$.field").value("to"));
        }
    }

    @Test
    void aMalformedOrMissingInstantIsABadRequest() throws Exception {
        get("/api/v1/reports/control-summary?from=last-tuesday&to=2016-01-01T00:00:00Z", tokens.authority())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                .andExpect(jsonPath("$.field").value("from"))
                .andExpect(jsonPath("$.detail").value(containsString("ISO-8601")));
        get("/api/v1/reports/control-summary?from=2015-01-01&to=2016-01-01T00:00:00Z", tokens.authority())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                .andExpect(jsonPath("$.field").value("from"));
        get("/api/v1/reports/control-summary?from=2015-01-01T00:00:00Z", tokens.authority())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(startsWith("urn:personal-budget:problem:")));
    }

    private static long days(long days) {
        return Duration.ofDays(days).toSeconds();
    }
}
