package uk.gov.personalbudget.approval.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.testsupport.openapi.CommittedDocument;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document lists every endpoint, asks for a bearer token, and shows no caller as input. */
class OpenApiDocumentTest extends InMemoryApprovalServiceTest {

    @Test
    void listsEveryEndpoint() throws Exception {
        JsonNode paths = document().get("paths");

        assertThat(paths.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "/api/v1/approvals",
                        "/api/v1/budgets/{id}/control-trail",
                        "/api/v1/budgets/{id}/decisions",
                        "/api/v1/budgets/{id}/state",
                        "/api/v1/budgets/{id}/verification",
                        "/api/v1/held-back-records",
                        "/api/v1/reports/control-summary",
                        "/api/v1/reports/outcomes",
                        "/api/v1/reports/co-production",
                        "/api/v1/reports/timeliness",
                        "/api/v1/replays",
                        "/api/v1/replays/{id}",
                        // The local profile's development tokens for the console's sign-in (forwarded to
                        // budget-service).
                        "/dev/tokens");
        assertThat(paths.at("/~1api~1v1~1replays/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1budgets~1{id}~1control-trail/get/responses/200/content")
                        .fieldNames())
                .toIterable()
                .contains("application/json", "text/csv");
        assertThat(paths.at("/~1api~1v1~1budgets~1{id}~1decisions/get/responses/200/content")
                        .fieldNames())
                .toIterable()
                .contains("application/json", "text/csv");
    }

    /**
     * The one request body, the console's token request forwarded to budget-service, is described with an example;
     * budget-service's RequestExamplesApiTest sends that example to its own /dev/tokens.
     */
    @Test
    void theForwardedTokenRequestHasAnExample() throws Exception {
        JsonNode body = document().at("/paths/~1dev~1tokens/post/requestBody/content/application~1json");

        assertThat(body.at("/schema/type").asText()).isEqualTo("object");
        assertThat(body.at("/example/role").asText()).isEqualTo("AUDITOR");
    }

    @Test
    void noOperationTakesTheCallerAsInput() throws Exception {
        JsonNode document = document();
        List<String> parameters = new ArrayList<>();
        document.get("paths")
                .forEach(path -> path.forEach(operation -> operation
                        .path("parameters")
                        .forEach(parameter ->
                                parameters.add(parameter.get("name").asText()))));

        assertThat(parameters)
                .contains("id", "kind", "level", "overdue", "from", "to")
                .noneMatch(name -> name.equalsIgnoreCase("actor"));
        assertThat(document.at("/components/schemas").has("Actor")).isFalse();
        assertThat(document.toString()).doesNotContain("#/components/schemas/Actor");
    }

    @Test
    void everyOperationNeedsABearerToken() throws Exception {
        JsonNode document = document();
        List<String> schemes = new ArrayList<>();
        document.at("/components/securitySchemes").fields().forEachRemaining(scheme -> {
            assertThat(scheme.getValue().get("type").asText()).isEqualTo("http");
            assertThat(scheme.getValue().get("scheme").asText()).isEqualTo("bearer");
            assertThat(scheme.getValue().get("bearerFormat").asText()).isEqualTo("JWT");
            schemes.add(scheme.getKey());
        });

        assertThat(schemes).hasSize(1);
        assertThat(document.at("/security/0").has(schemes.get(0)))
                .as("required of every operation")
                .isTrue();
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode served = document();
        CommittedDocument committed = CommittedDocument.of("approval-service");

        if (!committed.refreshIfAsked(served)) {
            assertThat(served)
                    .as(committed.howToRefresh("approval-service", "OpenApiDocumentTest"))
                    .isEqualTo(committed.read());
        }
    }

    private JsonNode document() throws Exception {
        return json(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andReturn());
    }
}
