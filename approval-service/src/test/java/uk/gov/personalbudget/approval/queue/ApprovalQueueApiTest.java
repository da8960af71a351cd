package uk.gov.personalbudget.approval.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The authority's approval queue over HTTP: its filters, and who may read it. */
class ApprovalQueueApiTest extends InMemoryApprovalServiceTest {

    private static final Instant NOW = Instant.now();

    /** Waiting for the authority, within a team manager's limit; endorsed before {@link #bigPlan}. */
    private static String smallPlan;
    /** Waiting for the authority, above a team manager's limit (£15,000 a year). */
    private static String bigPlan;

    private static String contest;
    private static String overdueDelegation;
    private static String delegation;
    private static String overdueReview;
    /** The approved amount challenged 8 days ago, not yet answered. */
    private static String challenged;
    /** Challenged and answered: nothing waits. */
    private static String answered;

    @BeforeEach
    void budgets() {
        if (smallPlan != null) {
            return;
        }
        smallPlan = "PB-" + UUID.randomUUID();
        bigPlan = "PB-" + UUID.randomUUID();
        contest = "PB-" + UUID.randomUUID();
        overdueDelegation = "PB-" + UUID.randomUUID();
        delegation = "PB-" + UUID.randomUUID();
        overdueReview = "PB-" + UUID.randomUUID();
        challenged = "PB-" + UUID.randomUUID();
        answered = "PB-" + UUID.randomUUID();
        List<EventEnvelope> all = new ArrayList<>();
        all.addAll(endorsed(smallPlan, 1_200_000, days(60)).envelopes());
        all.addAll(endorsed(bigPlan, 2_500_000, days(50)).envelopes());
        all.addAll(LifecycleEvents.budget(contest, NOW.minus(days(40)))
                .opened()
                .assessed()
                .offered(1_000_000)
                .contested("It leaves out the evenings", 1_300_000L)
                .envelopes());
        all.addAll(LifecycleEvents.budget(overdueDelegation, NOW.minus(days(40)))
                .opened()
                .assessed()
                .offered(1_000_000)
                .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, NOW.minus(days(5)), "In hospital")
                .envelopes());
        all.addAll(LifecycleEvents.budget(delegation, NOW.minus(days(40)))
                .opened()
                .assessed()
                .offered(1_000_000)
                .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, NOW.plus(days(30)), "In hospital")
                .envelopes());
        all.addAll(endorsed(overdueReview, 1_000_000, days(90))
                .approved()
                .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, NOW.minus(days(1)))
                .envelopes());
        all.addAll(endorsed(challenged, 1_000_000, days(30))
                .approved()
                .at(NOW.minus(days(8)))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-2026-0042", "Too little for the evenings")
                .envelopes());
        all.addAll(endorsed(answered, 1_000_000, days(30))
                .approved()
                .at(NOW.minus(days(8)))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-2026-0043", "Too little")
                .after(days(3))
                .challengeAnswered(ChallengedDecision.APPROVED_AMOUNT, ChallengeResult.NOT_UPHELD, "Enough", null)
                .envelopes());
        publishAndAwait(all);
    }

    @Test
    void aChallengeAwaitsTheAuthoritysAnswerInTheQueueWithItsWaitUntilAnswered() throws Exception {
        List<JsonNode> challenges = items("kind=CHALLENGE_AWAITING_ANSWER");

        assertThat(budgetIds(challenges)).containsExactly(challenged);
        assertThat(challenges.get(0).at("/entry/detail").asText())
                .isEqualTo("APPROVED_AMOUNT, complaint CMP-2026-0042");
        assertThat(challenges.get(0).get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(days(8).toSeconds());
    }

    @Test
    void plansAwaitingADecisionShowTheLevelTheyNeedLongestWaitingFirst() throws Exception {
        List<JsonNode> plans = items("kind=PLAN_AWAITING_DECISION");

        assertThat(plans)
                .extracting(item -> item.at("/entry/budgetId").asText())
                .containsExactly(smallPlan, bigPlan);
        assertThat(plans)
                .extracting(item -> item.get("level").asText())
                .containsExactly("TEAM_MANAGER", "SERVICE_MANAGER");
        assertThat(plans)
                .extracting(item -> item.at("/entry/yearlyPence").asLong())
                .containsExactly(1_200_000L, 2_500_000L);
        assertThat(plans.get(1).get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(days(49).toSeconds());
    }

    @Test
    void filteringByLevelKeepsOnlyPlansNeedingThatLevel() throws Exception {
        assertThat(budgetIds(items("level=SERVICE_MANAGER"))).containsExactly(bigPlan);
        assertThat(budgetIds(items("level=TEAM_MANAGER"))).containsExactly(smallPlan);
        assertThat(items("level=TEAM_MANAGER&kind=DELEGATION")).isEmpty();
    }

    @Test
    void filteringByKindKeepsOnlyThatKind() throws Exception {
        List<JsonNode> contests = items("kind=CONTEST_AWAITING_ANSWER");
        assertThat(budgetIds(contests)).containsExactly(contest);
        assertThat(contests.get(0).at("/entry/yearlyPence").asLong())
                .as("the amount asked for")
                .isEqualTo(1_300_000);

        assertThat(budgetIds(items("kind=DELEGATION"))).containsExactlyInAnyOrder(overdueDelegation, delegation);
        assertThat(budgetIds(items("kind=REVIEW"))).containsExactly(overdueReview);
    }

    @Test
    void filteringOnOverdueKeepsDelegationsAndReviewsPastTheirDateAndTheOverdueDuties() throws Exception {
        List<JsonNode> overdue = items("overdue=true");
        // Besides the timeliness queue's _OVERDUE items (the plans here were endorsed long ago), always overdue.
        assertThat(budgetIds(overdue.stream()
                        .filter(item -> !item.at("/entry/kind").asText().endsWith("_OVERDUE"))
                        .toList()))
                .containsExactlyInAnyOrder(overdueDelegation, overdueReview);
        assertThat(overdue)
                .allSatisfy(item -> assertThat(item.get("overdue").asBoolean()).isTrue());
        assertThat(budgetIds(items("overdue=true&kind=DELEGATION"))).containsExactly(overdueDelegation);

        assertThat(items("kind=DELEGATION"))
                .filteredOn(item -> item.at("/entry/budgetId").asText().equals(delegation))
                .singleElement()
                .satisfies(item -> assertThat(item.get("overdue").asBoolean()).isFalse());
    }

    @Test
    void theTimelinessQueueListsDutiesPastTheirDueDateByKind() throws Exception {
        List<JsonNode> decisions = items("kind=DECISION_OVERDUE");
        assertThat(budgetIds(decisions))
                .as("endorsed 60 and 50 days ago; the council's default is 14 days")
                .containsExactly(smallPlan, bigPlan);
        assertThat(decisions).allSatisfy(item -> {
            assertThat(item.get("overdue").asBoolean()).isTrue();
            assertThat(Instant.parse(item.at("/entry/dueBy").asText()))
                    .isEqualTo(Instant.parse(item.at("/entry/since").asText()).plus(days(14)));
        });
        assertThat(budgetIds(items("kind=INITIAL_REVIEW_OVERDUE")))
                .as("approved about 90 days ago, no review completed in 8 weeks")
                .containsExactly(overdueReview);
        assertThat(items("kind=OFFER_OVERDUE"))
                .as("every eligible assessment here was offered")
                .isEmpty();
        assertThat(items("kind=DECISION_OVERDUE&level=TEAM_MANAGER")).isEmpty();
    }

    @Test
    void auditorsReadTheQueueToo() throws Exception {
        get("/api/v1/approvals", tokens.auditor())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rebuildInProgress").value(false));
    }

    @Test
    void theAuthorityAndAuditorsOfAnotherCouncilSeeNoneOfThisCouncilsItems() throws Exception {
        List<String> mine = List.of(
                smallPlan, bigPlan, contest, overdueDelegation, delegation, overdueReview, challenged, answered);
        var bristol = tokens.inCouncil(TokenHolder.OTHER_COUNCIL);
        for (String token : List.of(bristol.authority(), bristol.auditor())) {
            String body = get("/api/v1/approvals", token)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(mine).noneMatch(body::contains);
            assertThat(body).doesNotContain(LifecycleEvents.PERSON_REF.value());
        }
    }

    @Test
    void aBudgetEndedByAReviewWaitsForTheAuthorityToCloseIt() throws Exception {
        String ending = "PB-" + UUID.randomUUID();
        publishAndAwait(endorsed(ending, 1_000_000, days(100))
                .approved()
                .reviewScheduled(ReviewKind.ANNUAL, NOW.minus(days(2)))
                .reviewCompleted(ReviewOutcome.END, "No longer needed")
                .envelopes());

        assertThat(queueItems("kind=ENDING_AWAITING_CLOSURE", ending))
                .singleElement()
                .satisfies(item -> assertThat(item.at("/entry/detail").asText()).isEqualTo("ANNUAL"));
        assertThat(queueItems("kind=REVIEW", ending)).isEmpty();
    }

    @Test
    void peoplePractitionersNomineesAndSystemsMayNotReadTheQueue() throws Exception {
        for (String token : List.of(
                tokens.person(LifecycleEvents.PERSON_REF),
                tokens.nominee(LifecycleEvents.NOMINEE, LifecycleEvents.PERSON_REF),
                tokens.practitioner(LifecycleEvents.PRACTITIONER),
                tokens.system())) {
            get("/api/v1/approvals", token).andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
        }
    }

    @Test
    void aFilterValueThatMeansNothingIsABadRequest() throws Exception {
        get("/api/v1/approvals?kind=EVERYTHING", tokens.authority())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.detail").value(containsString("PLAN_AWAITING_DECISION")));
        get("/api/v1/approvals?overdue=maybe", tokens.authority())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                .andExpect(jsonPath("$.field").value("overdue"))
                .andExpect(jsonPath("$.detail").value(containsString("true or false")));
        get("/api/v1/approvals?level=CHIEF_EXECUTIVE", tokens.authority())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                .andExpect(jsonPath("$.field").value("level"))
                .andExpect(jsonPath("$.detail").value(containsString("SERVICE_MANAGER")));
    }

    /** This test's budgets among the queue's items, as the authority reads them. */
    private List<JsonNode> items(String query) throws Exception {
        JsonNode body = json(get("/api/v1/approvals?" + query, tokens.authority())
                .andExpect(status().isOk())
                .andReturn());
        List<String> mine = List.of(
                smallPlan, bigPlan, contest, overdueDelegation, delegation, overdueReview, challenged, answered);
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(item -> {
            if (mine.contains(item.at("/entry/budgetId").asText())) {
                items.add(item);
            }
        });
        return items;
    }

    private static List<String> budgetIds(List<JsonNode> items) {
        return items.stream().map(item -> item.at("/entry/budgetId").asText()).toList();
    }

    private static LifecycleEvents endorsed(String id, long yearlyPence, Duration ago) {
        return LifecycleEvents.budget(id, NOW.minus(ago))
                .opened()
                .assessed()
                .offered(yearlyPence)
                .accepted()
                .submitted(yearlyPence)
                .endorsed("Sensible plan");
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
