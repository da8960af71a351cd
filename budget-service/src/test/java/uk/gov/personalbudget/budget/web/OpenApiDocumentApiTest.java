package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.command.AllowedRoles;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.CommandRoles;
import uk.gov.personalbudget.testsupport.openapi.CommittedDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;

/** The OpenAPI document describes every endpoint, its body and the bearer token, and never the actor as input. */
class OpenApiDocumentApiTest extends ApiTestSupport {

    private static final String JSON = "application/json";

    /** Each command's body schema; null where the endpoint reads no body. */
    private static final Map<String, String> COMMAND_BODIES = commandBodies();

    @Test
    void everyCommandIsAPostWithItsBodySchema() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(COMMAND_BODIES.keySet())
                .containsExactlyInAnyOrderElementsOf(Commands.all().stream()
                        .map(Commands.CommandCase::command)
                        .toList());
        assertThat(schemaOf(paths.get(BUDGETS).get("post"))).isEqualTo("BudgetOpening");
        assertThat(paths.get(BUDGETS)
                        .get("post")
                        .get("requestBody")
                        .get("required")
                        .booleanValue())
                .isTrue();
        COMMAND_BODIES.forEach((command, schema) -> {
            JsonNode post = paths.get(BUDGETS + "/{id}/" + command).get("post");
            assertThat(post).as(command).isNotNull();
            if (schema == null) {
                assertThat(post.get("requestBody")).as(command).isNull();
            } else {
                assertThat(schemaOf(post)).as(command).isEqualTo(schema);
            }
            assertThat(post.get("parameters").findValuesAsText("name"))
                    .as(command)
                    .containsExactly("id", "If-Match", "Idempotency-Key");
        });
    }

    @Test
    void everyCommandSaysWhoMaySendItAsItsCommandAllows() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(paths.get(BUDGETS).get("post").get("summary").textValue())
                .endsWith("(PRACTITIONER, SYSTEM; for a council the caller's token names)");
        assertThat(paths.get(BUDGETS + "/{id}/offer-budget")
                        .get("post")
                        .get("summary")
                        .textValue())
                .isEqualTo("OfferBudget: Offer an indicative budget with its calculation (AUTHORITY)");
        assertThat(paths.get(BUDGETS + "/{id}/contest-offer")
                        .get("post")
                        .get("summary")
                        .textValue())
                .endsWith("(PERSON, NOMINEE, PRACTITIONER; " + AllowedRoles.IN_THE_PERSONS_PLACE + ")");
        for (Commands.CommandCase command : Commands.all()) {
            JsonNode post = paths.get(BUDGETS + "/{id}/" + command.command()).get("post");
            Class<? extends BudgetCommand> sent = Class.forName(BudgetCommand.class.getPackageName() + "."
                            + post.get("operationId")
                                    .textValue()
                                    .substring(0, 1)
                                    .toUpperCase()
                            + post.get("operationId").textValue().substring(1))
                    .asSubclass(BudgetCommand.class);
            assertThat(post.get("summary").textValue())
                    .as(command.command())
                    .startsWith(sent.getSimpleName() + ": ")
                    .endsWith(" (" + CommandRoles.describe(sent) + ")");
        }
    }

    @Test
    void everyPostDocumentsIdempotencyKeyAndEveryCommandToABudgetIfMatch() throws Exception {
        JsonNode paths = document().get("paths");

        JsonNode open = paths.get(BUDGETS).get("post").get("parameters");
        assertThat(open.findValuesAsText("name")).containsExactly("Idempotency-Key");
        JsonNode key = open.get(0);
        assertThat(key.get("in").textValue()).isEqualTo("header");
        assertThat(key.get("required").booleanValue()).isFalse();
        assertThat(key.get("schema").get("maxLength").intValue()).isEqualTo(255);
        assertThat(key.get("description").textValue()).contains("422", "409", "Idempotent-Replayed");
        JsonNode ifMatch = paths.get(BUDGETS + "/{id}/approve-by-authority")
                .get("post")
                .get("parameters")
                .get(1);
        assertThat(ifMatch.get("name").textValue()).isEqualTo("If-Match");
        assertThat(ifMatch.get("in").textValue()).isEqualTo("header");
        assertThat(ifMatch.get("description").textValue()).contains("412", "version-mismatch");
        paths.forEach(path -> path.fields().forEachRemaining(operation -> {
            if (!operation.getKey().equals("post")) {
                assertThat(operation.getValue().path("parameters").findValuesAsText("name"))
                        .doesNotContain("Idempotency-Key", "If-Match");
            }
        }));
    }

    @Test
    void theReadsAreGetsWithTheirParameters() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(paths.get(BUDGETS + "/{id}").get("get").get("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("id", "asOf", "If-None-Match");
        assertThat(paths.get(BUDGETS + "/{id}").get("get").get("responses").has("304"))
                .as("304 while If-None-Match names the current version")
                .isTrue();
        assertThat(paths.get(BUDGETS + "/{id}/events")
                        .get("get")
                        .get("parameters")
                        .findValuesAsText("name"))
                .containsExactly("id");
        assertThat(paths.get(BUDGETS + "/{id}/verification")
                        .get("get")
                        .get("parameters")
                        .findValuesAsText("name"))
                .containsExactly("id");
        List<String> apiPaths = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith(BUDGETS)) {
                apiPaths.add(path);
            }
        });
        assertThat(apiPaths).hasSize(COMMAND_BODIES.size() + 4);
    }

    @Test
    void theActorIsNeverAnInputOfAnyOperation() throws Exception {
        JsonNode document = document();

        document.get("paths")
                .forEach(path -> path.forEach(operation -> {
                    assertThat(operation.path("parameters").findValuesAsText("name"))
                            .doesNotContain("actor", "Actor");
                    assertThat(operation.path("requestBody").findValuesAsText("$ref"))
                            .noneMatch(ref -> ref.endsWith("/Actor"));
                }));
        assertThat(document.get("components").get("schemas").has("Actor")).isFalse();
    }

    @Test
    void everyOperationNeedsTheBearerToken() throws Exception {
        JsonNode document = document();

        JsonNode scheme = document.get("components").get("securitySchemes").get("bearer-jwt");
        assertThat(scheme.get("type").textValue()).isEqualTo("http");
        assertThat(scheme.get("scheme").textValue()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").textValue()).isEqualTo("JWT");
        assertThat(document.get("security").get(0).has("bearer-jwt")).isTrue();
        document.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(BUDGETS)) {
                path.getValue()
                        .forEach(operation -> assertThat(
                                        operation.at("/security/0").has("bearer-jwt"))
                                .as(path.getKey() + " needs the bearer token")
                                .isTrue());
            }
        });
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode served = document();
        CommittedDocument committed = CommittedDocument.of("budget-service");

        if (!committed.refreshIfAsked(served)) {
            assertThat(served)
                    .as(committed.howToRefresh("budget-service", "OpenApiDocumentApiTest"))
                    .isEqualTo(committed.read());
        }
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        api.mvc()
                .perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        api.mvc()
                .perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Swagger UI")));
    }

    private JsonNode document() throws Exception {
        return api.read(api.mvc().perform(get("/v3/api-docs")).andExpect(status().isOk()));
    }

    private static String schemaOf(JsonNode operation) {
        String ref = operation
                .get("requestBody")
                .get("content")
                .get(JSON)
                .get("schema")
                .get("$ref")
                .textValue();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Map<String, String> commandBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("record-assessment", "Assessment");
        bodies.put("offer-budget", "Offer");
        bodies.put("contest-offer", "Contest");
        bodies.put("revise-offer", "Revision");
        bodies.put("accept-offer", null);
        bodies.put("submit-plan", "Plan");
        bodies.put("endorse-plan", "Endorsement");
        bodies.put("return-plan", "PlanReturn");
        bodies.put("add-person-statement", "PersonStatement");
        bodies.put("approve-by-authority", "Approval");
        bodies.put("decline-by-authority", "Decline");
        bodies.put("choose-management", "Management");
        bodies.put("delegate-control", "Delegation");
        bodies.put("resume-control", "Resumption");
        bodies.put("appoint-authorised-person", "Authorisation");
        bodies.put("end-authorisation", "Reason");
        bodies.put("adjust-budget", "Adjustment");
        bodies.put("record-outcome", "Outcome");
        bodies.put("schedule-review", "ReviewSchedule");
        bodies.put("complete-review", "ReviewResult");
        bodies.put("suspend-budget", "Suspension");
        bodies.put("resume-budget", "Reason");
        bodies.put("close-budget", "Closure");
        bodies.put("reallocate-practitioner", "Reallocation");
        bodies.put("withdraw-contest", "Reason");
        bodies.put("withdraw-plan", "Reason");
        bodies.put("challenge-decision", "Challenge");
        bodies.put("answer-challenge", "ChallengeAnswer");
        bodies.put("state-preferred-control", "ControlPreference");
        return bodies;
    }
}
