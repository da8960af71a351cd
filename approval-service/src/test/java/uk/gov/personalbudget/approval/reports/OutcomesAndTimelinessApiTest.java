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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outcomes, co-production and timeliness reports over HTTP. Sam's whole life is put in 2014, a year no other test
 * uses, so each report of that year holds his budget alone and its figures can be worked out by hand from
 * {@link LifecycleEvents#fullLifecycle}: opened on day 0, assessed on day 7, offered on day 12, plans endorsed on days 40
 * and 53 and decided on days 46 and 56, a direct payment chosen on day 58, a review on day 102, an outcome on day 115,
 * suspended from day 135 to day 165, closed on day 280.
 */
class OutcomesAndTimelinessApiTest extends InMemoryApprovalServiceTest {

    private static final Instant OPENED = Instant.parse("2014-01-05T09:00:00Z");
    private static final String YEAR_2014 = "?from=2014-01-01T00:00:00Z&to=2015-01-01T00:00:00Z";
    private static final List<String> REPORTS = List.of("outcomes", "co-production", "timeliness");
    private static String sams;

    @BeforeEach
    void budget() {
        if (sams == null) {
            sams = "PB-" + UUID.randomUUID();
            publishAndAwait(LifecycleEvents.fullLifecycle(sams, OPENED).envelopes());
        }
    }

    private JsonNode report(String name, String range) throws Exception {
        return json(get("/api/v1/reports/" + name + range, tokens.authority())
                .andExpect(status().isOk())
                .andReturn());
    }

    private static String upTo(Instant to) {
        return "?from=2014-01-01T00:00:00Z&to=" + to;
    }

    @Test
    void theOutcomesReportCountsSamsOutcomeByDomainGoalPlanAndManagement() throws Exception {
        JsonNode report = report("outcomes", YEAR_2014);

        assertThat(report.get("outcomes").asInt()).isEqualTo(1);
        assertThat(report.get("budgets").asInt()).isEqualTo(1);
        assertThat(report.get("tiedToRecoveryGoalShare").asDouble()).isEqualTo(1.0);
        assertThat(count(report, "byDomain", "SOCIAL_PARTICIPATION_AND_RELATIONSHIPS"))
                .isEqualTo(1);
        assertThat(count(report, "byDomain", "MENTAL_HEALTH_AND_WELLBEING")).isZero();
        assertThat(report.get("byDomain").size()).as("every domain").isEqualTo(7);
        assertThat(count(report, "byRecoveryGoal", "G1")).isEqualTo(1);
        assertThat(count(report, "byPlanMadeBy", "PEER_SUPPORTED")).isEqualTo(1);
        assertThat(count(report, "byManagementOption", "DIRECT_PAYMENT")).isEqualTo(1);
    }

    @Test
    void anOutcomeCountsOnlyInARangeThatHoldsTheMomentItWasRecorded() throws Exception {
        Instant recorded = OPENED.plus(Duration.ofDays(115));

        assertThat(report("outcomes", upTo(recorded)).get("outcomes").asInt()).isZero();
        assertThat(report("outcomes", upTo(recorded.plusSeconds(1)))
                        .get("outcomes")
                        .asInt())
                .isEqualTo(1);
        assertThat(report("outcomes", "?from=" + recorded + "&to=2015-01-01T00:00:00Z")
                        .get("outcomes")
                        .asInt())
                .isEqualTo(1);
        assertThat(report("outcomes", "?from=" + recorded.plusSeconds(1) + "&to=2015-01-01T00:00:00Z")
                        .get("outcomes")
                        .asInt())
                .isZero();
    }

    @Test
    void theCoProductionReportSaysWhoMadeTheAssessmentAndPlansAndWhetherSamTookPart() throws Exception {
        JsonNode report = report("co-production", YEAR_2014);

        assertThat(report.at("/assessments/total").asInt()).isEqualTo(1);
        assertThat(report.at("/assessments/byKind/CO_PRODUCED").asInt()).isEqualTo(1);
        assertThat(report.at("/assessments/selfShare").asDouble()).isZero();
        assertThat(report.at("/plans/submitted").asInt()).isEqualTo(3);
        assertThat(report.at("/plans/byMadeBy/PEER_SUPPORTED").asInt()).isEqualTo(3);
        assertThat(report.at("/plans/byPersonOrPeerShare").asDouble()).isEqualTo(1.0);
        JsonNode acts = report.get("actsForThePerson");
        assertThat(acts.get("total").asInt())
                .isEqualTo(
                        acts.get("byThePerson").asInt() + acts.get("onBehalf").asInt());
        assertThat(acts.get("onBehalf").asInt())
                .as("his sister and the authorised person held control only between Sam's own acts")
                .isZero();
        JsonNode participation = report.get("participation");
        assertThat(participation.get("decisions").asInt())
                .isEqualTo(participation.get("tookPart").asInt()
                        + participation.get("didNotTakePart").asInt()
                        + participation.get("notRecorded").asInt());
        assertThat(participation.get("tookPart").asInt()).isPositive();
    }

    @Test
    void theTimelinessReportTimesEachDutyOfSamsBudget() throws Exception {
        JsonNode report = report("timeliness", YEAR_2014);

        JsonNode decision = duty(report, "DECISION");
        assertThat(decision.get("met").asInt()).isEqualTo(2);
        assertThat(decision.get("medianSeconds").asLong()).isEqualTo(days(3));
        assertThat(decision.get("p90Seconds").asLong()).isEqualTo(days(6));
        assertThat(decision.get("missed").asInt()).as("within 14 days").isZero();
        JsonNode offer = duty(report, "OFFER");
        assertThat(offer.get("met").asInt()).isEqualTo(1);
        assertThat(offer.get("medianSeconds").asLong()).isEqualTo(days(5));
        assertThat(duty(report, "INITIAL_REVIEW").get("metInTime").asInt()).isEqualTo(1);
        assertThat(duty(report, "DIRECT_PAYMENT_REVIEW").get("metInTime").asInt())
                .isEqualTo(1);
        assertThat(duty(report, "MONEY_IN_PLACE").get("medianSeconds").asLong()).isEqualTo(days(58));
        // Suspended for 30 days, two past the council's default of 28.
        JsonNode suspension = duty(report, "SUSPENSION");
        assertThat(suspension.get("missed").asInt()).isEqualTo(1);
        assertThat(suspension.get("metLate").asInt()).isEqualTo(1);
        assertThat(suspension.at("/overdue/0/budgetId").asText()).isEqualTo(sams);
        assertThat(suspension.at("/overdue/0/overdueSeconds").asLong()).isEqualTo(days(2));
        assertThat(report.at("/suspensions/suspendedSeconds").asLong()).isEqualTo(days(30));
    }

    @Test
    void timeSuspendedIsClippedToTheRange() throws Exception {
        Instant suspended = OPENED.plus(Duration.ofDays(135));
        JsonNode report = report(
                "timeliness",
                "?from=" + suspended.plus(Duration.ofDays(10)) + "&to=" + suspended.plus(Duration.ofDays(20)));

        assertThat(report.at("/suspensions/started").asInt()).isZero();
        assertThat(report.at("/suspensions/suspendedSeconds").asLong()).isEqualTo(days(10));
        assertThat(report.at("/suspensions/suspensions/0/suspendedAtEnd").asBoolean())
                .isTrue();
    }

    @Test
    void anotherCouncilsAuthoritySeesNoneOfThisCouncilsBudgets() throws Exception {
        var bristol = tokens.inCouncil(TokenHolder.OTHER_COUNCIL);
        for (String name : REPORTS) {
            String body = get("/api/v1/reports/" + name + YEAR_2014, bristol.authority())
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain(sams);
        }
        assertThat(json(get("/api/v1/reports/outcomes" + YEAR_2014, bristol.auditor())
                                .andExpect(status().isOk())
                                .andReturn())
                        .get("outcomes")
                        .asInt())
                .isZero();
    }

    @Test
    void auditorsReadTheReportsAndOthersMayNot() throws Exception {
        for (String name : REPORTS) {
            get("/api/v1/reports/" + name + YEAR_2014, tokens.auditor()).andExpect(status().isOk());
            for (String token : List.of(
                    tokens.person(LifecycleEvents.PERSON_REF),
                    tokens.practitioner(LifecycleEvents.PRACTITIONER),
                    tokens.system())) {
                get("/api/v1/reports/" + name + YEAR_2014, token)
                        .andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
            }
        }
    }

    @Test
    void aRangeThatDoesNotEndAfterItStartsOrAMalformedInstantIsABadRequest() throws Exception {
        for (String name : REPORTS) {
            get("/api/v1/reports/" + name + "?from=2014-06-01T00:00:00Z&to=2014-06-01T00:00:00Z", tokens.authority())
                    .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-range"))
                    .andExpect(jsonPath("$.field").value("to"));
            get("/api/v1/reports/" + name + "?from=yesterday&to=2015-01-01T00:00:00Z", tokens.authority())
                    .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                    .andExpect(jsonPath("$.field").value("from"));
        }
    }

    private static int count(JsonNode report, String breakdown, String key) {
        for (JsonNode row : report.get(breakdown)) {
            if (row.get("key").asText().equals(key)) {
                return row.get("outcomes").asInt();
            }
        }
        throw new AssertionError("no " + key + " in " + breakdown + ": " + report.get(breakdown));
    }

    private static JsonNode duty(JsonNode report, String kind) {
        for (JsonNode duty : report.get("duties")) {
            if (duty.get("kind").asText().equals(kind)) {
                return duty;
            }
        }
        throw new AssertionError("no duty " + kind);
    }

    private static long days(long days) {
        return Duration.ofDays(days).toSeconds();
    }
}
