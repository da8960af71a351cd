package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import uk.gov.personalbudget.testsupport.openapi.CommittedDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/**
 * Every request body of the OpenAPI document has an example, and each is valid input: sent as the document shows it,
 * where and by whom the command succeeds (the rows of {@link Commands}), it is accepted.
 */
class RequestExamplesApiTest extends ApiTestSupport {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    @Test
    void everyRequestBodyHasAnExampleInEachMediaType() throws Exception {
        List<String> without = new ArrayList<>();
        document()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode content = operation.getValue().path("requestBody").path("content");
                    content.properties().forEach(media -> {
                        if (!media.getValue().has("example")) {
                            without.add(operation.getKey() + " " + path.getKey() + " " + media.getKey());
                        }
                    });
                }));
        assertThat(without).isEmpty();
    }

    static Stream<Commands.CommandCase> commandsWithABody() {
        return Commands.all().stream().filter(Commands.CommandCase::readsABody);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWithABody")
    void eachCommandsExampleIsAccepted(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.send(id, command.command(), command.by(), example(BUDGETS + "/{id}/" + command.command()))
                .andExpect(status().isOk());
    }

    @Test
    void theOpeningExampleOpensABudget() throws Exception {
        api.open(Party.PRACTITIONER, example(BUDGETS)).andExpect(status().isCreated());
    }

    @Test
    void theDevelopmentTokenExampleIssuesAToken() throws Exception {
        api.mvc()
                .perform(post("/dev/tokens").contentType(JSON).content(example("/dev/tokens")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString());
    }

    /** approval-service forwards its console's token requests here unread: its document's example is one of ours. */
    @Test
    void approvalServicesForwardedTokenExampleIssuesAToken() throws Exception {
        JsonNode example = CommittedDocument.of("approval-service")
                .read()
                .at("/paths/~1dev~1tokens/post/requestBody/content/application~1json/example");
        assertThat(example.isObject())
                .as("approval-service's /dev/tokens example")
                .isTrue();

        api.mvc()
                .perform(post("/dev/tokens").contentType(JSON).content(example.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString());
    }

    /**
     * The erasure request's example passes the body's checks: for a person never seen it is refused as unknown, as
     * only a valid body is (without its reason, the same request is a 400).
     */
    @Test
    void theErasureRequestExampleIsAValidBody() throws Exception {
        String requests = "/api/v1/persons/P-U" + UUID.randomUUID().toString().substring(0, 8) + "/erasure-requests";
        String example = example("/api/v1/persons/{ref}/erasure-requests");

        api.perform(post(requests).contentType(JSON).content(example), Party.AUTHORITY)
                .andExpect(problem(404, "person-not-found"));
        api.perform(post(requests).contentType(JSON).content(Bodies.without(example, "reason")), Party.AUTHORITY)
                .andExpect(status().isBadRequest());
    }

    private String example(String path) throws Exception {
        JsonNode example = document()
                .get("paths")
                .get(path)
                .get("post")
                .get("requestBody")
                .get("content")
                .get(JSON)
                .get("example");
        assertThat(example).as(path).isNotNull();
        return example.toString();
    }

    private JsonNode document() throws Exception {
        return api.read(api.mvc().perform(get("/v3/api-docs")).andExpect(status().isOk()));
    }
}
