package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.fieldAtFault;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/** {@code GET /api/v1/budgets/{id}} (now, conditionally, or as of a past instant) and {@code GET .../events}. */
class BudgetQueryApiTest extends ApiTestSupport {

    @AfterEach
    void restoreTheEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void theBudgetsStateCarriesEverythingACouncilSystemReadsWithItsVersionAsETag() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        api.send(id, "adjust-budget", Party.AUTHORITY, Bodies.adjustment()).andExpect(status().isOk());
        api.send(id, "delegate-control", Party.PERSON, Bodies.delegation()).andExpect(status().isOk());
        long version = Stage.ACTIVE.events() + 1;

        api.get(BUDGETS + "/" + id, Party.AUDITOR)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + version + "\""))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.person").value(Party.PERSON_REF))
                .andExpect(jsonPath("$.localAuthority").value("leeds"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.controlHolder.party").value("NOMINEE"))
                .andExpect(jsonPath("$.controlHolder.actorId").value(Party.NOMINEE.sub))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.openedAt").isString())
                .andExpect(jsonPath("$.lastChangedAt").isString())
                .andExpect(jsonPath("$.assessment.kind").value("CO_PRODUCED"))
                .andExpect(jsonPath("$.assessment.recoveryGoals[1].id").value("G2"))
                .andExpect(jsonPath("$.offer.amount.pence").value(1_200_000))
                .andExpect(jsonPath("$.offer.amount.period").value("YEARLY"))
                .andExpect(jsonPath("$.offer.calculation.breakdown", hasSize(3)))
                .andExpect(jsonPath("$.openContest").value(nullValue()))
                .andExpect(jsonPath("$.plan.lines", hasSize(3)))
                .andExpect(jsonPath("$.plan.madeBy").value("PEER_SUPPORTED"))
                .andExpect(jsonPath("$.personStatements", hasSize(0)))
                .andExpect(jsonPath("$.approval.approvedAmount.pence").value(1_200_000))
                .andExpect(jsonPath("$.approval.payment.period").value("WEEKLY"))
                .andExpect(jsonPath("$.currentAmount.pence").value(1_500_000))
                .andExpect(jsonPath("$.adjustmentInForce.kind").value("TEMPORARY"))
                .andExpect(jsonPath("$.management.option").value("DIRECT_PAYMENT"))
                .andExpect(jsonPath("$.delegation.delegate.id").value(Party.NOMINEE.sub))
                .andExpect(jsonPath("$.delegation.reason").value("FLUCTUATING_CAPACITY"))
                .andExpect(jsonPath("$.authorisation").value(nullValue()))
                .andExpect(jsonPath("$.pendingReview").value(nullValue()))
                .andExpect(jsonPath("$.suspension").value(nullValue()))
                .andExpect(jsonPath("$.closureReason").value(nullValue()));
    }

    @Test
    void theStateShowsAStatementASuspensionAndAClosureReason() throws Exception {
        String endorsed = api.budgetAt(Stage.PLAN_ENDORSED);
        api.send(endorsed, "add-person-statement", Party.PERSON, Bodies.statement())
                .andExpect(status().isOk());
        String suspended = api.budgetAt(Stage.SUSPENDED);
        String closed = api.budgetAt(Stage.CLOSED);

        assertThat(api.view(endorsed).get("personStatements").get(0).textValue())
                .startsWith("Going out");
        assertThat(api.view(suspended)
                        .get("suspension")
                        .get("interimArrangement")
                        .textValue())
                .contains("Ward staff");
        assertThat(api.view(closed).get("closureReason").textValue()).isEqualTo("The person moved away");
        assertThat(api.view(closed).get("controlHolder").get("party").textValue())
                .isEqualTo("NOBODY");
    }

    /** A review's replan makes the next plan while the approved one stays in force: the budget is still in use. */
    @Test
    void duringAReplanTheApprovedPlanStaysInForceAndTheBudgetCanBeAdjusted() throws Exception {
        String id = api.budgetAt(Stage.REVIEW_SCHEDULED);
        api.send(id, "complete-review", Party.PRACTITIONER, Bodies.reviewResult("REPLAN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNING"));

        api.send(id, "adjust-budget", Party.AUTHORITY, Bodies.adjustment()).andExpect(status().isOk());
        api.send(id, "submit-plan", Party.PERSON, Bodies.plan()).andExpect(status().isOk());

        JsonNode view = api.view(id);
        assertThat(view.get("status").textValue()).isEqualTo("PLAN_SUBMITTED");
        assertThat(view.get("planInForce").booleanValue()).isTrue();
        assertThat(view.get("currentAmount").get("pence").longValue()).isEqualTo(1_500_000);
        assertThat(api.view(api.budgetAt(Stage.PLANNING)).get("planInForce").booleanValue())
                .as("before the first approval")
                .isFalse();
    }

    @Test
    void anUnchangedBudgetAnswers304ToItsETagAndAChangedOneAnswersAgain() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);
        String etag = api.get(BUDGETS + "/" + id, Party.PERSON)
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);
        assertThat(etag).isEqualTo("\"2\"");

        api.perform(get(BUDGETS + "/" + id).header(HttpHeaders.IF_NONE_MATCH, etag), Party.PERSON)
                .andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(content().string(""));
        api.send(id, "accept-offer", Party.PERSON, null).andExpect(status().isOk());
        api.perform(get(BUDGETS + "/" + id).header(HttpHeaders.IF_NONE_MATCH, etag), Party.PERSON)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.status").value("PLANNING"));
    }

    @Test
    void asOfAnInstantBetweenTwoEventsGivesTheStateAfterTheEarlierOne() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);
        Instant afterTheOffer = Instant.now();
        // The contest is stored ten minutes later, so an instant between the two is certain.
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        api.send(id, "contest-offer", Party.PERSON, Bodies.contest()).andExpect(status().isOk());
        GenericEventMessage.clock = Clock.systemUTC();
        String offeredAt = api.events(id).get(2).get("timestamp").textValue();

        for (String asOf : List.of(afterTheOffer.plus(Duration.ofMinutes(5)).toString(), offeredAt)) {
            api.perform(get(BUDGETS + "/" + id).param("asOf", asOf), Party.PRACTITIONER)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("OFFERED"))
                    .andExpect(jsonPath("$.version").value(2))
                    .andExpect(jsonPath("$.controlHolder.party").value("PERSON"))
                    .andExpect(jsonPath("$.openContest").value(nullValue()))
                    .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
        }
        api.get(BUDGETS + "/" + id, Party.PRACTITIONER)
                .andExpect(jsonPath("$.status").value("CONTESTED"))
                .andExpect(jsonPath("$.openContest.requestedAmount.pence").value(1_400_000));
    }

    @Test
    void asOfBeforeTheBudgetExistedIsNotFound() throws Exception {
        String id = api.budgetAt(Stage.ASSESSED);
        Instant openedAt = Instant.parse(api.view(id).get("openedAt").textValue());
        String before = openedAt.minusSeconds(1).toString();

        api.perform(get(BUDGETS + "/" + id).param("asOf", before), Party.PRACTITIONER)
                .andExpect(problem(404, "budget-not-found"))
                .andExpect(jsonPath("$.detail").value(containsString("did not exist")));
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"yesterday", "2026-11-22", "1700000000"})
    void anAsOfThatIsNotAnInstantIsRejected(String asOf) throws Exception {
        String id = api.budgetAt(Stage.OPENED);

        api.perform(get(BUDGETS + "/" + id).param("asOf", asOf), Party.PRACTITIONER)
                .andExpect(problem(400, "invalid-parameter"))
                .andExpect(fieldAtFault("asOf"))
                .andExpect(jsonPath("$.detail").value(containsString("ISO-8601")));
    }

    @Test
    void anUnknownBudgetAndItsEventsAreNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        api.get(BUDGETS + "/" + unknown, Party.PRACTITIONER).andExpect(problem(404, "budget-not-found"));
        api.get(BUDGETS + "/" + unknown + "/events", Party.PRACTITIONER).andExpect(problem(404, "budget-not-found"));
        api.perform(get(BUDGETS + "/" + unknown).param("asOf", Instant.now().toString()), Party.PRACTITIONER)
                .andExpect(problem(404, "budget-not-found"));
    }

    @ParameterizedTest(name = "GET /api/v1/budgets/'{id}'{0}")
    @ValueSource(strings = {"", "/events"})
    void anIdThatCannotBeABudgetsIsRejected(String suffix) throws Exception {
        api.get(BUDGETS + "/bad!id" + suffix, Party.PRACTITIONER)
                .andExpect(problem(400, "invalid-parameter"))
                .andExpect(fieldAtFault("id"));
    }

    @ParameterizedTest(name = "GET /api/v1/budgets/'{id}'{0}")
    @ValueSource(strings = {"", "/events"})
    void readingNeedsAToken(String suffix) throws Exception {
        String id = api.budgetAt(Stage.OPENED);

        api.get(BUDGETS + "/" + id + suffix, null).andExpect(problem(401, "missing-token"));
    }

    @Test
    void theHistoryListsEveryEventInOrderWithWhoActedAndWhoHeldControl() throws Exception {
        String id = api.open();
        List<Stage.Step> steps = List.of(
                new Stage.Step(Party.PRACTITIONER, "record-assessment", Bodies::assessment),
                new Stage.Step(Party.AUTHORITY, "offer-budget", Bodies::offer),
                new Stage.Step(Party.PERSON, "contest-offer", Bodies::contest),
                new Stage.Step(Party.AUTHORITY, "revise-offer", Bodies::revision),
                new Stage.Step(Party.PERSON, "accept-offer", () -> null),
                new Stage.Step(Party.PERSON, "submit-plan", Bodies::plan),
                new Stage.Step(Party.PRACTITIONER, "endorse-plan", () -> null),
                new Stage.Step(Party.PERSON, "add-person-statement", Bodies::statement),
                new Stage.Step(
                        Party.AUTHORITY,
                        "approve-by-authority",
                        () -> Bodies.with(
                                Bodies.with(Bodies.approval(), "approvedAmount.pence", "1300000"),
                                "payment.pence",
                                "25000")),
                new Stage.Step(Party.PERSON, "choose-management", () -> Bodies.management("COUNCIL_MANAGED")),
                new Stage.Step(Party.AUTHORITY, "close-budget", () -> Bodies.closure("The person moved away")));
        for (Stage.Step step : steps) {
            api.send(id, step.command(), step.by(), step.body().get()).andExpect(status().isOk());
        }

        JsonNode events = api.events(id);

        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").textValue()));
        assertThat(types)
                .containsExactly(
                        "BudgetOpened",
                        "NeedsAssessed",
                        "BudgetOffered",
                        "OfferContested",
                        "OfferRevised",
                        "OfferAccepted",
                        "PlanSubmitted",
                        "PlanEndorsed",
                        "PersonStatementAdded",
                        "PlanApprovedByAuthority",
                        "ManagementChosen",
                        "BudgetClosed");
        List<String> controlAfter = List.of(
                "PRACTITIONER",
                "AUTHORITY",
                "PERSON",
                "AUTHORITY",
                "PERSON",
                "PERSON",
                "PRACTITIONER",
                "AUTHORITY",
                "AUTHORITY",
                "PERSON",
                "AUTHORITY",
                "NOBODY");
        Instant previous = Instant.MIN;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            Party actor = i == 0 ? Party.PRACTITIONER : steps.get(i - 1).by();
            assertThat(event.get("sequence").longValue()).isEqualTo(i);
            assertThat(event.get("actor").textValue()).isEqualTo(actor.sub);
            assertThat(event.get("actorRole").textValue()).isEqualTo(actor.role.name());
            assertThat(event.get("onBehalfOf").isNull())
                    .as("nobody acted for the person")
                    .isTrue();
            assertThat(event.get("controlBefore").get("party").textValue())
                    .isEqualTo(i == 0 ? "NOBODY" : controlAfter.get(i - 1));
            assertThat(event.get("controlAfter").get("party").textValue()).isEqualTo(controlAfter.get(i));
            Instant timestamp = Instant.parse(event.get("timestamp").textValue());
            assertThat(timestamp).isAfterOrEqualTo(previous);
            previous = timestamp;
            assertThat(event.get("payload").get("budgetId").textValue()).isEqualTo(id);
            assertThat(event.get("payload").get("act").get("actor").textValue()).isEqualTo(actor.sub);
        }
        assertThat(events.get(3).get("payload").get("contest").get("reason").textValue())
                .contains("bad weeks");
        assertThat(events.get(9)
                        .get("payload")
                        .get("approval")
                        .get("personTookPart")
                        .booleanValue())
                .isTrue();
        assertThat(events.get(11).get("payload").get("reason").get("reason").textValue())
                .isEqualTo("The person moved away");
    }
}
