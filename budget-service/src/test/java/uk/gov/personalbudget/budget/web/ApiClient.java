package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Drives budget-service over HTTP as a council system would, with development tokens for each party. */
final class ApiClient {

    static final String BUDGETS = "/api/v1/budgets";
    static final String PROBLEM = "urn:personal-budget:problem:";

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final DevTokenIssuer issuer;
    private final JdbcTemplate jdbc;
    private final Map<Party, String> tokens = new EnumMap<>(Party.class);

    ApiClient(MockMvc mvc, ObjectMapper json, DevTokenIssuer issuer, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.json = json;
        this.issuer = issuer;
        this.jdbc = jdbc;
    }

    String token(Party party) {
        return tokens.computeIfAbsent(
                party, p -> issuer.issue(p.sub, p.role, p.person, p.authorisationLimit, p.council));
    }

    // --- Commands ---

    /** {@code POST /api/v1/budgets/{id}/{command}} as {@code by}, with {@code body} (none when null). */
    ResultActions send(String id, String command, Party by, String body) throws Exception {
        return perform(withBody(post(BUDGETS + "/" + id + "/" + command), body), by);
    }

    /** {@code POST /api/v1/budgets} as {@code by}. */
    ResultActions open(Party by, String body) throws Exception {
        return perform(withBody(post(BUDGETS), body), by);
    }

    /** A new budget for {@link Party#PERSON_REF}, opened by the practitioner; its id. */
    String open() throws Exception {
        String answer = open(Party.PRACTITIONER, Bodies.opening())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(answer).get("id").textValue();
    }

    /** A new budget taken to {@code stage} by the usual parties; its id. */
    String budgetAt(Stage stage) throws Exception {
        String id = open();
        for (Stage.Step step : stage.steps()) {
            send(id, step.command(), step.by(), step.body().get()).andExpect(status().isOk());
        }
        return id;
    }

    /**
     * Sends a command that must be rejected with {@code status} and the rule {@code slug}, and checks the
     * budget's version did not move: nothing was stored.
     */
    ResultActions rejects(String id, String command, Party by, String body, int status, String slug) throws Exception {
        long before = version(id);
        ResultActions result = send(id, command, by, body).andExpect(problem(status, slug));
        assertThat(version(id)).as("version after the rejected " + command).isEqualTo(before);
        return result;
    }

    // --- Queries ---

    ResultActions get(String url, Party by) throws Exception {
        return perform(MockMvcRequestBuilders.get(url), by);
    }

    ResultActions perform(MockHttpServletRequestBuilder request, Party by) throws Exception {
        if (by != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(by));
        }
        return mvc.perform(request);
    }

    MockMvc mvc() {
        return mvc;
    }

    /** The budget now, as the council's authority reads it (a practitioner's caseload may have moved). */
    JsonNode view(String id) throws Exception {
        return read(get(BUDGETS + "/" + id, Party.AUTHORITY).andExpect(status().isOk()));
    }

    long version(String id) throws Exception {
        return view(id).get("version").longValue();
    }

    JsonNode events(String id) throws Exception {
        return read(get(BUDGETS + "/" + id + "/events", Party.AUTHORITY).andExpect(status().isOk()));
    }

    /** That no budget has this id: its GET is still a 404. */
    void expectNoBudget(String id) throws Exception {
        get(BUDGETS + "/" + id, Party.AUTHORITY).andExpect(problem(404, "budget-not-found"));
    }

    /** Every event stored, of every budget; for rejections that name no budget that exists. */
    long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    // --- Expectations ---

    /** An RFC 9457 problem detail with the given status and rule slug, a title and a detail. */
    static ResultMatcher problem(int status, String slug) {
        return ResultMatcher.matchAll(
                status().is(status),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(PROBLEM + slug),
                jsonPath("$.status").value(status),
                jsonPath("$.title").value(not(emptyOrNullString())),
                jsonPath("$.detail").value(not(emptyOrNullString())));
    }

    /** A problem naming {@code field} as the field at fault, in {@code field} and among {@code errors}. */
    static ResultMatcher fieldAtFault(String field) {
        return ResultMatcher.matchAll(
                jsonPath("$.field").value(field),
                jsonPath("$.errors[*].field").value(hasItem(field)),
                jsonPath("$.errors[*].reason").value(everyItem(not(emptyOrNullString()))));
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
