package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal data in the event store and its erasure, over the API, on every database we run on: a whole
 * lifecycle's personal text is sealed in the stored payloads (amounts are not), the API reads it back, and after
 * the person's key is destroyed every personal field reads {@code [erased]} while everything else (versions,
 * amounts, control, hashes) is exactly as before. Each test uses a person of its own: keys outlive contexts.
 */
abstract class PersonalDataErasureContractTest {

    private static final String BUDGETS = "/api/v1/budgets";

    /** Every personal text the lifecycle below sends, each distinct from any other value in it. */
    private static final Set<String> PERSONAL_TEXT = Set.of(
            "Maintaining a habitable home",
            "Developing and maintaining relationships",
            "Needs arise from a mental impairment; two outcomes cannot be achieved.",
            "Get out of the house three times a week",
            "Rebuild contact with friends",
            "Personal assistance, 6 hours a week",
            "Personal assistance, 6.6 hours a week",
            "Peer support sessions",
            "Bus fares",
            "Six hours is not enough on bad weeks",
            "Extra hours agreed for bad weeks; the gym is met by the community offer instead.",
            "Personal assistant for outings",
            "Peer support group",
            "Swimming",
            "Please say which days the assistant is needed",
            "Co-produced with peer support; realistic",
            "Going out with someone I trust is what keeps me well.",
            "The plan does not say how the assistant will be found.",
            "Keep receipts for the direct payment account",
            "Agreed with the person at the panel",
            "Going into hospital for a short stay",
            "Back home and well",
            "Extra support while distress is high",
            "I saw two old friends this month.",
            "CA-2026-117",
            "Capacity regained",
            "In hospital for several weeks",
            "Ward staff and family meet needs meanwhile",
            "Home again",
            "Going well; keep the plan",
            "The person moved to another council area");

    @Autowired
    MockMvc mvc;

    @Autowired
    DevTokenIssuer issuer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private final String person = "P-E" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void personalTextIsSealedInTheStoreReadableThroughTheApiAndErasedWithoutChangingAnythingElse() throws Exception {
        String budget = wholeLifecycle();

        List<String> payloads = jdbc.query(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? " + "ORDER BY sequence_number",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                budget);
        assertThat(payloads).hasSize(27);
        String stored = String.join("\n", payloads);
        assertThat(PERSONAL_TEXT)
                .as("personal text in the stored payloads")
                .allSatisfy(text -> assertThat(stored).doesNotContain(text));
        assertThat(stored)
                .contains(
                        "\"pence\":1300000",
                        "\"pence\":1500000",
                        "\"person\":\"" + person + "\"",
                        "leeds",
                        "\"party\":\"NOMINEE\"",
                        "\"actorId\":\"n-jordan\"",
                        "pd:v1:");

        List<String> snapshots = jdbc.query(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                budget);
        assertThat(snapshots)
                .as("snapshots")
                .hasSizeGreaterThanOrEqualTo(snapshotsExpected())
                .allSatisfy(snapshot -> assertThat(PERSONAL_TEXT)
                        .allSatisfy(text -> assertThat(snapshot).doesNotContain(text)));

        JsonNode viewBefore = read(get(BUDGETS + "/" + budget), Role.AUDITOR);
        JsonNode eventsBefore = read(get(BUDGETS + "/" + budget + "/events"), Role.AUDITOR);
        assertThat(eventsBefore.toString())
                .contains(
                        "Six hours is not enough on bad weeks",
                        "Home again",
                        "Going out with someone I trust is what keeps me well.",
                        "CA-2026-117")
                .doesNotContain("pd:v1:");
        assertThat(viewBefore.toString()).contains("Get out of the house three times a week");

        JsonNode request = requestErasure();
        assertThat(request.get("status").textValue()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(request.get("reason").textValue()).isEqualTo(ERASURE_REASON);
        assertThat(request.get("budgets")).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT reason FROM erasure_request WHERE request_id = ?",
                        String.class,
                        request.get("id").textValue()))
                .as("the stored reason")
                .startsWith("pd:v1:");
        JsonNode erasure = read(confirmation(request), SECOND_AUTHORITY);
        assertThat(erasure.get("person").textValue()).isEqualTo(person);
        assertThat(erasure.get("requestedBy").textValue()).isEqualTo("au-okafor");
        assertThat(erasure.get("confirmedBy").textValue()).isEqualTo(SECOND_AUTHORITY);
        assertThat(erasure.get("budgets").get(0).textValue()).isEqualTo(budget);
        assertThat(stored).contains("pd:v1:" + erasure.get("keyId").textValue() + ":");

        JsonNode viewAfter = read(get(BUDGETS + "/" + budget), Role.AUDITOR);
        JsonNode eventsAfter = read(get(BUDGETS + "/" + budget + "/events"), Role.AUDITOR);
        assertThat(withoutErasure(eventsAfter))
                .as("the history with every personal field erased and nothing else " + "changed")
                .isEqualTo(erased(eventsBefore));
        JsonNode recorded = eventsAfter.get(eventsAfter.size() - 1);
        assertThat(recorded.get("type").textValue()).isEqualTo("PersonalDataErasureConfirmed");
        assertThat(recorded.get("actor").textValue()).isEqualTo(SECOND_AUTHORITY);
        assertThat(recorded.at("/payload/erasure/requestedBy").textValue()).isEqualTo("au-okafor");
        assertThat(recorded.at("/payload/erasure/keyId").textValue())
                .isEqualTo(erasure.get("keyId").textValue());
        assertThat(recorded.at("/controlAfter/party").textValue()).isEqualTo("NOBODY");
        assertThat(withoutErasure(viewAfter)).isEqualTo(withoutErasure(erased(viewBefore)));
        assertThat(viewAfter.at("/erasure/requestId").textValue())
                .isEqualTo(request.get("id").textValue());
        assertThat(eventsAfter.toString()).contains("[erased]");
        assertThat(PERSONAL_TEXT)
                .allSatisfy(
                        text -> assertThat(eventsAfter.toString() + viewAfter).doesNotContain(text));
        assertThat(viewAfter.get("version").longValue()).isEqualTo(27);
        assertThat(viewAfter.get("status").textValue()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "ORDER BY sequence_number",
                        byte[].class,
                        budget))
                .as("the stored events are untouched by erasure, which adds its own record")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .hasSize(28)
                .startsWith(payloads.toArray(String[]::new))
                .last()
                .asString()
                .doesNotContain("pd:v1:");
        // The request, confirmed, its reason erased with the rest.
        JsonNode confirmed = read(get(requests() + "/" + request.get("id").textValue()), Role.AUTHORITY);
        assertThat(confirmed.get("status").textValue()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("reason").textValue()).isEqualTo("[erased]");
        assertThat(confirmed.get("confirmedBy").textValue()).isEqualTo(SECOND_AUTHORITY);
    }

    /** How many snapshots the lifecycle's 27 events make at least, by the context's snapshot threshold. */
    int snapshotsExpected() {
        return 0;
    }

    @Test
    void onlyAuthoritiesRequestReadAndConfirmAnErasure() throws Exception {
        closedBudget();
        JsonNode request = requestErasure();
        for (Role role : List.of(Role.PERSON, Role.NOMINEE, Role.PRACTITIONER, Role.AUDITOR, Role.SYSTEM)) {
            for (MockHttpServletRequestBuilder call : List.of(
                    withBody(post(requests()), reasonBody()),
                    get(requests() + "/" + request.get("id").textValue()),
                    confirmation(request))) {
                perform(call, role)
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:access-denied"));
            }
        }
        mvc.perform(confirmation(request)).andExpect(status().isUnauthorized());
        assertThat(read(get(requests() + "/" + request.get("id").textValue()), Role.AUTHORITY)
                        .get("status")
                        .textValue())
                .isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void toAnotherCouncilThePersonIsAsUnknownAsAReferenceNeverUsed() throws Exception {
        closedBudget();
        String elsewhere = issuer.issue("au-elsewhere", Role.AUTHORITY, null, 9_000_000L, TokenHolder.OTHER_COUNCIL);
        String unknown = "P-U" + UUID.randomUUID().toString().substring(0, 8);

        String known = answer(withBody(post(requests()), reasonBody()), elsewhere, 404);
        String neverUsed = answer(
                withBody(post("/api/v1/persons/" + unknown + "/erasure-requests"), reasonBody()), elsewhere, 404);

        assertThat(known).contains("urn:personal-budget:problem:person-not-found");
        assertThat(problem(known)).isEqualTo(problem(neverUsed.replace(unknown, person)));
        String requestId = requestErasure().get("id").textValue();
        assertThat(problem(answer(confirmation(requestId), elsewhere, 404))).isEqualTo(problem(known));
        assertThat(problem(answer(get(requests() + "/" + requestId), elsewhere, 404)))
                .isEqualTo(problem(known));
        assertThat(answer(get(requests() + "/" + UUID.randomUUID()), token(Role.AUTHORITY), 404))
                .contains("urn:personal-budget:problem:erasure-request-not-found");
        perform(post("/api/v1/persons/not a reference/erasure-requests"), Role.AUTHORITY)
                .andExpect(status().isBadRequest());
    }

    @Test
    void erasureIsRefusedWhileAnyBudgetOfThePersonIsOpen() throws Exception {
        closedBudget();
        String open = open();
        send(open, "record-assessment", Role.PRACTITIONER, ASSESSMENT);

        perform(withBody(post(requests()), reasonBody()), Role.AUTHORITY)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:erasure-needs-closed-budgets"))
                .andExpect(jsonPath("$.openBudgets[0]").value(open))
                .andExpect(jsonPath("$.openBudgets.length()").value(1));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erasure_request WHERE person_ref = ?", Long.class, person))
                .as("requests stored")
                .isZero();
        send(open, "offer-budget", Role.AUTHORITY, OFFER);
        assertThat(read(get(BUDGETS + "/" + open), Role.AUDITOR)
                        .at("/offer/calculation/breakdown/0/description")
                        .textValue())
                .isEqualTo("Personal assistance, 6 hours a week");
    }

    @Test
    void aBudgetOpenedAfterTheRequestStopsItsConfirmation() throws Exception {
        closedBudget();
        JsonNode request = requestErasure();
        String open = open();

        answer(confirmation(request), token(SECOND_AUTHORITY), 409);

        assertThat(read(get(BUDGETS + "/" + open), Role.AUDITOR).get("version").longValue())
                .isZero();
        assertThat(read(get(requests() + "/" + request.get("id").textValue()), Role.AUTHORITY)
                        .get("status")
                        .textValue())
                .isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void theAuthorityWhoRequestedAnErasureDoesNotConfirmIt() throws Exception {
        String budget = closedBudget();
        JsonNode request = requestErasure();

        perform(confirmation(request), Role.AUTHORITY)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:erasure-needs-a-second-authority"));

        assertThat(read(get(BUDGETS + "/" + budget + "/events"), Role.AUDITOR).toString())
                .contains("Opened in error")
                .doesNotContain("PersonalDataErasureConfirmed");
    }

    @Test
    void anExpiredRequestIsNotConfirmedAndANewOneMayBeMade() throws Exception {
        closedBudget();
        JsonNode request = requestErasure();
        perform(withBody(post(requests()), reasonBody()), Role.AUTHORITY)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:erasure-already-requested"))
                .andExpect(jsonPath("$.requestId").value(request.get("id").textValue()));
        jdbc.update(
                "UPDATE erasure_request SET expires_at = requested_at WHERE request_id = ?",
                request.get("id").textValue());

        perform(confirmation(request), SECOND_AUTHORITY)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:erasure-request-expired"));
        assertThat(read(get(requests() + "/" + request.get("id").textValue()), Role.AUTHORITY)
                        .get("status")
                        .textValue())
                .isEqualTo("EXPIRED");

        JsonNode again = requestErasure();
        assertThat(read(confirmation(again), SECOND_AUTHORITY).get("requestId").textValue())
                .isEqualTo(again.get("id").textValue());
    }

    @Test
    void aRepeatedConfirmationAnswersWithTheFirstAndRecordsNothingMore() throws Exception {
        String budget = closedBudget();
        JsonNode request = requestErasure();
        JsonNode first = read(confirmation(request), SECOND_AUTHORITY);

        JsonNode again = read(confirmation(request), "au-third");

        assertThat(again).isEqualTo(first);
        assertThat(read(get(BUDGETS + "/" + budget), Role.AUDITOR)
                        .get("version")
                        .longValue())
                .isEqualTo(2);
    }

    @Test
    void aPersonWithABudgetAtAnotherCouncilIsErasedOnlyByBoth() throws Exception {
        closedBudget();
        String elsewhere = json.readTree(answer(
                        withBody(
                                post(BUDGETS),
                                "{\"person\":\"" + person + "\",\"localAuthority\":\"" + TokenHolder.OTHER_COUNCIL
                                        + "\"}"),
                        issuer.issue("pr-bristol", Role.PRACTITIONER, null, null, TokenHolder.OTHER_COUNCIL),
                        201))
                .get("id")
                .textValue();

        perform(withBody(post(requests()), reasonBody()), Role.AUTHORITY)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:erasure-needs-every-council"));
        assertThat(elsewhere).isNotBlank();
    }

    @Test
    void afterErasureNothingPersonalIsRecordedForThePersonAgain() throws Exception {
        closedBudget();
        read(confirmation(requestErasure()), SECOND_AUTHORITY);

        perform(withBody(post(BUDGETS), opening()), Role.PRACTITIONER)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:personal-data-erased"));
        perform(withBody(post(requests()), reasonBody()), Role.AUTHORITY)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:personal-data-erased"));
    }

    /** 27 events: every command of the lifecycle, each carrying personal text where it has any. */
    private String wholeLifecycle() throws Exception {
        String budget = open();
        send(budget, "record-assessment", Role.PRACTITIONER, ASSESSMENT);
        send(budget, "offer-budget", Role.AUTHORITY, OFFER);
        send(
                budget,
                "contest-offer",
                Role.PERSON,
                "{\"reason\":\"Six hours is not enough on bad weeks\",\"requestedAmount\":{\"pence\":1400000,\"period\":\"YEARLY\"}}");
        send(budget, "revise-offer", Role.AUTHORITY, REVISION);
        send(budget, "accept-offer", Role.PERSON, null);
        send(budget, "submit-plan", Role.PERSON, PLAN);
        send(
                budget,
                "return-plan",
                Role.PRACTITIONER,
                "{\"reasons\":\"Please say which days the assistant is needed\"}");
        send(budget, "submit-plan", Role.PERSON, PLAN);
        send(budget, "endorse-plan", Role.PRACTITIONER, "{\"comment\":\"Co-produced with peer support; realistic\"}");
        send(
                budget,
                "add-person-statement",
                Role.PERSON,
                "{\"statement\":\"Going out with someone I trust is what keeps me well.\"}");
        send(
                budget,
                "decline-by-authority",
                Role.AUTHORITY,
                "{\"reasons\":\"The plan does not say how the assistant "
                        + "will be found.\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
        send(budget, "submit-plan", Role.PERSON, PLAN);
        send(budget, "endorse-plan", Role.PRACTITIONER, null);
        send(budget, "approve-by-authority", Role.AUTHORITY, """
                {"approvedAmount":{"pence":1200000,"period":"YEARLY"},"payment":{"pence":23000,"period":"WEEKLY"},
                 "conditions":["Keep receipts for the direct payment account"],
                 "varianceReason":"Agreed with the person at the panel","personTookPart":true}""");
        send(budget, "choose-management", Role.PERSON, "{\"option\":\"DIRECT_PAYMENT\"}");
        send(budget, "delegate-control", Role.PERSON, """
                {"delegate":{"id":"n-jordan","role":"NOMINEE"},"reason":"FLUCTUATING_CAPACITY",
                 "explanation":"Going into hospital for a short stay","intendedEnd":"%s"}""".formatted(inDays(14)));
        send(budget, "resume-control", Role.NOMINEE, "{\"reason\":\"Back home and well\"}");
        send(budget, "adjust-budget", Role.AUTHORITY, """
                {"kind":"TEMPORARY","newAmount":{"pence":1500000,"period":"YEARLY"},"effectiveFrom":"%s","endsOn":"%s",
                 "reason":"Extra support while distress is high","requestedBy":"PERSON","personTookPart":true,"personToldBy":"PHONE"}""".formatted(inDays(0), inDays(28)));
        send(
                budget,
                "record-outcome",
                Role.PERSON,
                "{\"domain\":\"SOCIAL_PARTICIPATION_AND_RELATIONSHIPS\","
                        + "\"personsOwnWords\":\"I saw two old friends this month.\",\"recoveryGoalId\":\"G2\"}");
        send(
                budget,
                "appoint-authorised-person",
                Role.AUTHORITY,
                "{\"authorisedPerson\":\"n-jordan\",\"capacityAssessmentReference\":\"CA-2026-117\"}");
        send(budget, "end-authorisation", Role.AUTHORITY, "{\"reason\":\"Capacity regained\"}");
        send(
                budget,
                "suspend-budget",
                Role.AUTHORITY,
                "{\"reason\":\"In hospital for several weeks\","
                        + "\"interimArrangement\":\"Ward staff and family meet needs meanwhile\",\"personTookPart\":false,\"personToldBy\":\"IN_PERSON\"}");
        send(budget, "resume-budget", Role.AUTHORITY, "{\"reason\":\"Home again\"}");
        // Ending the authorisation scheduled a capacity change review: this completes it.
        send(
                budget,
                "complete-review",
                Role.PRACTITIONER,
                "{\"result\":\"CONTINUE\",\"summary\":\"Going well; keep the plan\",\"personTookPart\":true}");
        send(
                budget,
                "close-budget",
                Role.AUTHORITY,
                "{\"reason\":\"The person moved to another council area\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
        return budget;
    }

    private static final String ASSESSMENT = """
            {"kind":"CO_PRODUCED",
             "eligibleNeeds":["Maintaining a habitable home","Developing and maintaining relationships"],
             "eligible":true,"eligibilityReasons":"Needs arise from a mental impairment; two outcomes cannot be achieved.",
             "wantsCouncilToMeetNeeds":true,
             "recoveryGoals":[{"id":"G1","description":"Get out of the house three times a week"},
                              {"id":"G2","description":"Rebuild contact with friends"}],
             "advocateNeeded":false,"preferredControl":"SHARE_IT"}""";
    private static final String OFFER = """
            {"amount":{"pence":1200000,"period":"YEARLY"},
             "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
               "breakdown":[{"description":"Personal assistance, 6 hours a week","amount":{"pence":936000,"period":"YEARLY"}},
                            {"description":"Peer support sessions","amount":{"pence":164000,"period":"YEARLY"}},
                            {"description":"Bus fares","amount":{"pence":100000,"period":"YEARLY"}}]},"personTookPart":true,"personToldBy":"IN_PERSON"}""";
    private static final String REVISION = """
            {"amount":{"pence":1300000,"period":"YEARLY"},
             "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
               "breakdown":[{"description":"Personal assistance, 6.6 hours a week","amount":{"pence":1036000,"period":"YEARLY"}},
                            {"description":"Peer support sessions","amount":{"pence":164000,"period":"YEARLY"}},
                            {"description":"Bus fares","amount":{"pence":100000,"period":"YEARLY"}}]},
             "reasons":"Extra hours agreed for bad weeks; the gym is met by the community offer instead.","personTookPart":true,"personToldBy":"IN_PERSON"}""";
    private static final String PLAN = """
            {"lines":[{"description":"Personal assistant for outings","cost":{"pence":936000,"period":"YEARLY"},"recoveryGoalId":"G1"},
                      {"description":"Peer support group","cost":{"pence":164000,"period":"YEARLY"},"recoveryGoalId":"G2"},
                      {"description":"Swimming","cost":{"pence":100000,"period":"YEARLY"},"outcomeDomain":"PHYSICAL_HEALTH"}],
             "madeBy":"PEER_SUPPORTED"}""";

    private static final String ERASURE_REASON = "The person asked for their data to be erased on 1 December";
    /** The authority who confirms what au-okafor (the AUTHORITY of {@link #token}) requests. */
    private static final String SECOND_AUTHORITY = "au-second";

    private String requests() {
        return "/api/v1/persons/" + person + "/erasure-requests";
    }

    private static String reasonBody() {
        return "{\"reason\":\"" + ERASURE_REASON + "\"}";
    }

    private JsonNode requestErasure() throws Exception {
        var answer = perform(withBody(post(requests()), reasonBody()), Role.AUTHORITY)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        JsonNode request = json.readTree(answer.getContentAsString());
        assertThat(answer.getHeader(HttpHeaders.LOCATION))
                .endsWith(requests() + "/" + request.get("id").textValue());
        return request;
    }

    private MockHttpServletRequestBuilder confirmation(JsonNode request) {
        return confirmation(request.get("id").textValue());
    }

    private MockHttpServletRequestBuilder confirmation(String requestId) {
        return post(requests() + "/" + requestId + "/confirmation");
    }

    /** A budget of the person, opened and closed at once. */
    private String closedBudget() throws Exception {
        String budget = open();
        send(
                budget,
                "close-budget",
                Role.AUTHORITY,
                "{\"reason\":\"Opened in error\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
        return budget;
    }

    private String answer(MockHttpServletRequestBuilder request, String token, int status) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A problem detail without the path it answered. */
    private JsonNode problem(String body) throws Exception {
        ObjectNode problem = (ObjectNode) json.readTree(body);
        problem.remove("instance");
        return problem;
    }

    /** As the AUTHORITY with the subject {@code sub}. */
    private ResultActions perform(MockHttpServletRequestBuilder request, String sub) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(sub)));
    }

    /** Read as the AUTHORITY with the subject {@code sub}. */
    private JsonNode read(MockHttpServletRequestBuilder request, String sub) throws Exception {
        return json.readTree(answer(request, token(sub), 200));
    }

    private String token(String authority) {
        return issuer.issue(authority, Role.AUTHORITY, null, 2_000_000L, TokenHolder.HOME_COUNCIL);
    }

    /** {@code json} without what the erasure adds: its event, its record in the view, and the version it makes. */
    private static JsonNode withoutErasure(JsonNode json) {
        JsonNode copy = json.deepCopy();
        if (copy instanceof ArrayNode events
                && events.size() > 0
                && events.get(events.size() - 1).path("type").asText().equals("PersonalDataErasureConfirmed")) {
            events.remove(events.size() - 1);
        }
        if (copy instanceof ObjectNode view) {
            view.remove(List.of("erasure", "version", "lastChangedAt"));
        }
        return copy;
    }

    private String opening() {
        return "{\"person\":\"" + person + "\",\"localAuthority\":\"leeds\","
                + "\"allocatedPractitioner\":\"pr-ellis\"}";
    }

    private String open() throws Exception {
        return read(withBody(post(BUDGETS), opening()), Role.PRACTITIONER)
                .get("id")
                .textValue();
    }

    private void send(String budget, String command, Role role, String body) throws Exception {
        perform(withBody(post(BUDGETS + "/" + budget + "/" + command), body), role)
                .andExpect(status().isOk());
    }

    private JsonNode read(MockHttpServletRequestBuilder request, Role role) throws Exception {
        String body = perform(request, role)
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role)));
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String token(Role role) {
        Map<Role, String> subjects = Map.of(
                Role.PERSON,
                "p-amara",
                Role.NOMINEE,
                "n-jordan",
                Role.PRACTITIONER,
                "pr-ellis",
                Role.AUTHORITY,
                "au-okafor",
                Role.AUDITOR,
                "aud-khan",
                Role.SYSTEM,
                "sys-scheduler");
        PersonReference claim = role == Role.PERSON || role == Role.NOMINEE ? new PersonReference(person) : null;
        return issuer.issue(
                subjects.get(role), role, claim, role == Role.AUTHORITY ? 2_000_000L : null, TokenHolder.HOME_COUNCIL);
    }

    private static String inDays(int days) {
        return Instant.now()
                .plus(days, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    /** {@code json} with every personal text replaced by the erased marker. */
    private static JsonNode erased(JsonNode json) {
        JsonNode copy = json.deepCopy();
        replacePersonal(copy);
        return copy;
    }

    private static void replacePersonal(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && PERSONAL_TEXT.contains(value.textValue())) {
                    object.set(name, TextNode.valueOf("[erased]"));
                } else {
                    replacePersonal(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && PERSONAL_TEXT.contains(value.textValue())) {
                    array.set(i, TextNode.valueOf("[erased]"));
                } else {
                    replacePersonal(value);
                }
            }
        }
    }
}
