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
            "Maintaining a habitable home", "Developing and maintaining relationships",
            "Needs arise from a mental impairment; two outcomes cannot be achieved.",
            "Get out of the house three times a week", "Rebuild contact with friends",
            "Personal assistance, 6 hours a week", "Personal assistance, 6.6 hours a week", "Peer support sessions",
            "Bus fares", "Six hours is not enough on bad weeks",
            "Extra hours agreed for bad weeks; the gym is met by the community offer instead.",
            "Personal assistant for outings", "Peer support group", "Swimming",
            "Please say which days the assistant is needed", "Co-produced with peer support; realistic",
            "Going out with someone I trust is what keeps me well.",
            "The plan does not say how the assistant will be found.", "Keep receipts for the direct payment account",
            "Agreed with the person at the panel", "Going into hospital for a short stay", "Back home and well",
            "Extra support while distress is high", "I saw two old friends this month.", "CA-2026-117",
            "Capacity regained", "In hospital for several weeks", "Ward staff and family meet needs meanwhile",
            "Home again", "Going well; keep the plan", "The person moved to another council area");

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

        List<String> payloads = jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), budget);
        assertThat(payloads).hasSize(27);
        String stored = String.join("\n", payloads);
        assertThat(PERSONAL_TEXT).as("personal text in the stored payloads").allSatisfy(text ->
                assertThat(stored).doesNotContain(text));
        assertThat(stored).contains("\"pence\":1300000", "\"pence\":1500000", "\"person\":\"" + person + "\"",
                "leeds", "\"party\":\"NOMINEE\"", "\"actorId\":\"n-jordan\"", "pd:v1:");

        List<String> snapshots = jdbc.query("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), budget);
        assertThat(snapshots).as("snapshots").hasSizeGreaterThanOrEqualTo(snapshotsExpected())
                .allSatisfy(snapshot -> assertThat(PERSONAL_TEXT).allSatisfy(text ->
                        assertThat(snapshot).doesNotContain(text)));

        JsonNode viewBefore = read(get(BUDGETS + "/" + budget), Role.AUDITOR);
        JsonNode eventsBefore = read(get(BUDGETS + "/" + budget + "/events"), Role.AUDITOR);
        assertThat(eventsBefore.toString()).contains("Six hours is not enough on bad weeks", "Home again",
                "Going out with someone I trust is what keeps me well.", "CA-2026-117").doesNotContain("pd:v1:");
        assertThat(viewBefore.toString()).contains("Get out of the house three times a week");

        JsonNode erasure = read(post("/api/v1/persons/" + person + "/erasure"), Role.AUTHORITY);
        assertThat(erasure.get("person").textValue()).isEqualTo(person);
        assertThat(erasure.get("erasedBy").textValue()).isEqualTo("au-okafor");
        assertThat(erasure.get("alreadyErased").booleanValue()).isFalse();
        assertThat(stored).contains("pd:v1:" + erasure.get("keyId").textValue() + ":");

        JsonNode viewAfter = read(get(BUDGETS + "/" + budget), Role.AUDITOR);
        JsonNode eventsAfter = read(get(BUDGETS + "/" + budget + "/events"), Role.AUDITOR);
        assertThat(eventsAfter).as("the history with every personal field erased and nothing else changed")
                .isEqualTo(erased(eventsBefore));
        assertThat(viewAfter).isEqualTo(erased(viewBefore));
        assertThat(eventsAfter.toString()).contains("[erased]");
        assertThat(PERSONAL_TEXT).allSatisfy(text -> assertThat(eventsAfter.toString() + viewAfter).doesNotContain(text));
        assertThat(viewAfter.get("version").longValue()).isEqualTo(26);
        assertThat(viewAfter.get("status").textValue()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", byte[].class, budget))
                .as("the stored events are untouched by erasure")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).containsExactlyElementsOf(payloads);
    }

    /** How many snapshots the lifecycle's 27 events make at least, by the context's snapshot threshold. */
    int snapshotsExpected() {
        return 0;
    }

    @Test
    void onlyTheAuthorityErases() throws Exception {
        open();
        for (Role role : List.of(Role.PERSON, Role.NOMINEE, Role.PRACTITIONER, Role.AUDITOR, Role.SYSTEM)) {
            perform(post("/api/v1/persons/" + person + "/erasure"), role)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:access-denied"));
        }
        mvc.perform(post("/api/v1/persons/" + person + "/erasure")).andExpect(status().isUnauthorized());
        perform(post("/api/v1/persons/" + person + "/erasure"), Role.AUTHORITY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyErased").value(false));
    }

    @Test
    void erasingAPersonTheServiceHoldsNothingForIsNotFound() throws Exception {
        perform(post("/api/v1/persons/" + person + "/erasure"), Role.AUTHORITY)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:person-not-found"));
        perform(post("/api/v1/persons/not a reference/erasure"), Role.AUTHORITY).andExpect(status().isBadRequest());
    }

    @Test
    void aRepeatedErasureAnswersWithTheFirst() throws Exception {
        open();
        JsonNode first = read(post("/api/v1/persons/" + person + "/erasure"), Role.AUTHORITY);

        JsonNode again = read(post("/api/v1/persons/" + person + "/erasure"), Role.AUTHORITY);

        assertThat(again.get("alreadyErased").booleanValue()).isTrue();
        assertThat(again.get("erasedAt")).isEqualTo(first.get("erasedAt"));
        assertThat(again.get("keyId")).isEqualTo(first.get("keyId"));
    }

    @Test
    void afterErasureNothingPersonalIsRecordedForThePersonAgainButTheBudgetStillMoves() throws Exception {
        String budget = open();
        send(budget, "record-assessment", Role.PRACTITIONER, ASSESSMENT);
        send(budget, "offer-budget", Role.AUTHORITY, OFFER);
        perform(post("/api/v1/persons/" + person + "/erasure"), Role.AUTHORITY).andExpect(status().isOk());

        perform(withBody(post(BUDGETS + "/" + budget + "/contest-offer"), "{\"reason\":\"Not enough\"}"), Role.PERSON)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:personal-data-erased"));
        perform(withBody(post(BUDGETS), opening()), Role.PRACTITIONER)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:personal-data-erased"));
        assertThat(read(get(BUDGETS + "/" + budget), Role.AUDITOR).get("version").longValue())
                .as("nothing stored").isEqualTo(2);

        send(budget, "accept-offer", Role.PERSON, null);

        JsonNode view = read(get(BUDGETS + "/" + budget), Role.AUDITOR);
        assertThat(view.get("version").longValue()).isEqualTo(3);
        assertThat(view.get("status").textValue()).isEqualTo("PLANNING");
        assertThat(view.at("/offer/calculation/breakdown/0/description").textValue()).isEqualTo("[erased]");
        assertThat(view.at("/offer/amount/pence").longValue()).isEqualTo(1_200_000);
    }

    /** 27 events: every command of the lifecycle, each carrying personal text where it has any. */
    private String wholeLifecycle() throws Exception {
        String budget = open();
        send(budget, "record-assessment", Role.PRACTITIONER, ASSESSMENT);
        send(budget, "offer-budget", Role.AUTHORITY, OFFER);
        send(budget, "contest-offer", Role.PERSON,
                "{\"reason\":\"Six hours is not enough on bad weeks\",\"requestedAmount\":{\"pence\":1400000,\"period\":\"YEARLY\"}}");
        send(budget, "revise-offer", Role.AUTHORITY, REVISION);
        send(budget, "accept-offer", Role.PERSON, null);
        send(budget, "submit-plan", Role.PERSON, PLAN);
        send(budget, "return-plan", Role.PRACTITIONER, "{\"reasons\":\"Please say which days the assistant is needed\"}");
        send(budget, "submit-plan", Role.PERSON, PLAN);
        send(budget, "endorse-plan", Role.PRACTITIONER, "{\"comment\":\"Co-produced with peer support; realistic\"}");
        send(budget, "add-person-statement", Role.PERSON,
                "{\"statement\":\"Going out with someone I trust is what keeps me well.\"}");
        send(budget, "decline-by-authority", Role.AUTHORITY, "{\"reasons\":\"The plan does not say how the assistant "
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
                 "reason":"Extra support while distress is high","requestedBy":"PERSON"}""".formatted(inDays(0), inDays(28)));
        send(budget, "record-outcome", Role.PERSON, "{\"domain\":\"SOCIAL_PARTICIPATION_AND_RELATIONSHIPS\","
                + "\"personsOwnWords\":\"I saw two old friends this month.\",\"recoveryGoalId\":\"G2\"}");
        send(budget, "appoint-authorised-person", Role.AUTHORITY,
                "{\"authorisedPerson\":\"n-jordan\",\"capacityAssessmentReference\":\"CA-2026-117\"}");
        send(budget, "end-authorisation", Role.AUTHORITY, "{\"reason\":\"Capacity regained\"}");
        send(budget, "suspend-budget", Role.AUTHORITY, "{\"reason\":\"In hospital for several weeks\","
                + "\"interimArrangement\":\"Ward staff and family meet needs meanwhile\"}");
        send(budget, "resume-budget", Role.AUTHORITY, "{\"reason\":\"Home again\"}");
        // Ending the authorisation scheduled a capacity change review: this completes it.
        send(budget, "complete-review", Role.PRACTITIONER,
                "{\"result\":\"CONTINUE\",\"summary\":\"Going well; keep the plan\",\"personTookPart\":true}");
        send(budget, "close-budget", Role.AUTHORITY,
                "{\"reason\":\"The person moved to another council area\",\"personToldBy\":\"LETTER\"}");
        return budget;
    }

    private static final String ASSESSMENT = """
            {"kind":"CO_PRODUCED",
             "eligibleNeeds":["Maintaining a habitable home","Developing and maintaining relationships"],
             "eligible":true,"eligibilityReasons":"Needs arise from a mental impairment; two outcomes cannot be achieved.",
             "wantsCouncilToMeetNeeds":true,
             "recoveryGoals":[{"id":"G1","description":"Get out of the house three times a week"},
                              {"id":"G2","description":"Rebuild contact with friends"}],
             "advocateNeeded":false}""";
    private static final String OFFER = """
            {"amount":{"pence":1200000,"period":"YEARLY"},
             "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
               "breakdown":[{"description":"Personal assistance, 6 hours a week","amount":{"pence":936000,"period":"YEARLY"}},
                            {"description":"Peer support sessions","amount":{"pence":164000,"period":"YEARLY"}},
                            {"description":"Bus fares","amount":{"pence":100000,"period":"YEARLY"}}]}}""";
    private static final String REVISION = """
            {"amount":{"pence":1300000,"period":"YEARLY"},
             "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
               "breakdown":[{"description":"Personal assistance, 6.6 hours a week","amount":{"pence":1036000,"period":"YEARLY"}},
                            {"description":"Peer support sessions","amount":{"pence":164000,"period":"YEARLY"}},
                            {"description":"Bus fares","amount":{"pence":100000,"period":"YEARLY"}}]},
             "reasons":"Extra hours agreed for bad weeks; the gym is met by the community offer instead."}""";
    private static final String PLAN = """
            {"lines":[{"description":"Personal assistant for outings","cost":{"pence":936000,"period":"YEARLY"},"recoveryGoalId":"G1"},
                      {"description":"Peer support group","cost":{"pence":164000,"period":"YEARLY"},"recoveryGoalId":"G2"},
                      {"description":"Swimming","cost":{"pence":100000,"period":"YEARLY"},"outcomeDomain":"PHYSICAL_HEALTH"}],
             "madeBy":"PEER_SUPPORTED"}""";

    private String opening() {
        return "{\"person\":\"" + person + "\",\"localAuthority\":\"leeds\","
                + "\"allocatedPractitioner\":\"pr-ellis\"}";
    }

    private String open() throws Exception {
        return read(withBody(post(BUDGETS), opening()), Role.PRACTITIONER).get("id").textValue();
    }

    private void send(String budget, String command, Role role, String body) throws Exception {
        perform(withBody(post(BUDGETS + "/" + budget + "/" + command), body), role).andExpect(status().isOk());
    }

    private JsonNode read(MockHttpServletRequestBuilder request, Role role) throws Exception {
        String body = perform(request, role).andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(role)));
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String token(Role role) {
        Map<Role, String> subjects = Map.of(Role.PERSON, "p-amara", Role.NOMINEE, "n-jordan",
                Role.PRACTITIONER, "pr-ellis", Role.AUTHORITY, "au-okafor", Role.AUDITOR, "aud-khan",
                Role.SYSTEM, "sys-scheduler");
        PersonReference claim = role == Role.PERSON || role == Role.NOMINEE ? new PersonReference(person) : null;
        return issuer.issue(subjects.get(role), role, claim, role == Role.AUTHORITY ? 2_000_000L : null, TokenHolder.HOME_COUNCIL);
    }

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
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
