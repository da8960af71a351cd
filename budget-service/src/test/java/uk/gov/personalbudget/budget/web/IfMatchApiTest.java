package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.fieldAtFault;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/**
 * Optimistic concurrency: a command with {@code If-Match} runs only at the version it names, the ETag that
 * {@code GET} and every command answer; otherwise 412 and nothing is stored.
 */
class IfMatchApiTest extends ApiTestSupport {

    private static final String IF_MATCH = "If-Match";

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void everyCommandRunsOnlyAtTheVersionItsIfMatchNames(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());
        long current = api.version(id);

        send(id, command, "\"" + (current + 1) + "\"")
                .andExpect(problem(412, "version-mismatch"))
                .andExpect(jsonPath("$.currentVersion").value(current));
        assertThat(api.version(id)).as("version after the refused " + command).isEqualTo(current);

        send(id, command, "\"" + current + "\"")
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (current + 1) + "\""))
                .andExpect(jsonPath("$.version").value(current + 1));
    }

    @Test
    void aStaleVersionIs412WithTheCurrentVersionAndStoresNothing() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        long current = api.version(id);

        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), "\"" + (current - 1) + "\"")
                .andExpect(problem(412, "version-mismatch"))
                .andExpect(jsonPath("$.currentVersion").value(current))
                .andExpect(jsonPath("$.expectedVersion").value(current - 1))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + current + "\""));

        assertThat(api.version(id)).isEqualTo(current);
    }

    @Test
    void theEtagOfGetAndOfEachCommandIsTheNextCommandsIfMatch() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        String read = api.get(BUDGETS + "/" + id, Party.PERSON)
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);

        String afterFirst = send(id, "record-outcome", Party.PERSON, Bodies.outcome(), read)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);
        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), afterFirst).andExpect(status().isOk());

        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), afterFirst)
                .andExpect(problem(412, "version-mismatch"));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events() + 1);
    }

    @Test
    void aStaleVersionIs412EvenWhereTheChangeMadeTheCommandBreakARule() throws Exception {
        String id = api.budgetAt(Stage.PLAN_ENDORSED);
        String endorsed = "\"" + api.version(id) + "\"";
        send(id, "approve-by-authority", Party.AUTHORITY, Bodies.approval(), endorsed)
                .andExpect(status().isOk());

        send(id, "decline-by-authority", Party.AUTHORITY, Bodies.decline(), endorsed)
                .andExpect(problem(412, "version-mismatch"));
        api.send(id, "decline-by-authority", Party.AUTHORITY, Bodies.decline())
                .andExpect(problem(409, "plan-not-endorsed"));
        assertThat(api.view(id).get("status").textValue()).isEqualTo("APPROVED");
    }

    @Test
    void aWeakEtagNamesTheSameVersion() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);

        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), "W/\"" + api.version(id) + "\"")
                .andExpect(status().isOk());
    }

    @Test
    void anyVersionMatchesAStar() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);

        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), "*").andExpect(status().isOk());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {"7", "\"seven\"", "\"-1\"", "\"07\"", "\"1\", \"2\"", "W/7", "", "\"99999999999999999999\""})
    void anIfMatchThatIsNotOneVersionIs400AndStoresNothing(String ifMatch) throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);

        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), ifMatch)
                .andExpect(problem(400, "invalid-if-match"))
                .andExpect(fieldAtFault(IF_MATCH));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events() - 1);
    }

    @Test
    void openingABudgetWithIfMatchIs412ForANewBudgetHasNoVersion() throws Exception {
        long storedBefore = api.storedEvents();

        api.perform(withBody(post(BUDGETS), Bodies.opening()).header(IF_MATCH, "\"0\""), Party.PRACTITIONER)
                .andExpect(problem(412, "version-mismatch"));
        api.perform(withBody(post(BUDGETS), Bodies.opening()).header(IF_MATCH, "zero"), Party.PRACTITIONER)
                .andExpect(problem(400, "invalid-if-match"));
        assertThat(api.storedEvents()).isEqualTo(storedBefore);
    }

    @Test
    void anIfMatchOnAnUnknownBudgetIs404() throws Exception {
        send("00000000-0000-4000-8000-000000000000", "record-outcome", Party.PERSON, Bodies.outcome(), "\"3\"")
                .andExpect(problem(404, "budget-not-found"));
    }

    private ResultActions send(String id, Commands.CommandCase command, String ifMatch) throws Exception {
        return send(id, command.command(), command.by(), command.validBody(), ifMatch);
    }

    private ResultActions send(String id, String command, Party by, String body, String ifMatch) throws Exception {
        return api.perform(
                withBody(post(BUDGETS + "/" + id + "/" + command), body).header(IF_MATCH, ifMatch), by);
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
