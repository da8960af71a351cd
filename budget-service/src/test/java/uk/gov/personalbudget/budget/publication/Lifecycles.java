package uk.gov.personalbudget.budget.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Budgets driven through the REST API as a council system would, between them producing every event type. Each
 * request may carry a W3C traceparent; what each event's command carried is remembered by budget and sequence.
 */
final class Lifecycles {

    /** What a request says about trace context. */
    enum Trace {
        GIVEN,
        NONE,
        INVALID
    }

    static final String INVALID_TRACEPARENT = "00-not-a-trace-01";
    private static final String PERSON_REF = "P-1001";

    private enum Caller {
        PRACTITIONER("pr-ellis", Role.PRACTITIONER, null, null),
        AUTHORITY("au-okafor", Role.AUTHORITY, null, 2_000_000L),
        PERSON("p-amara", Role.PERSON, PERSON_REF, null),
        NOMINEE("n-jordan", Role.NOMINEE, PERSON_REF, null),
        /** The practitioner a budget is reallocated to. */
        COLLEAGUE("pr-morgan", Role.PRACTITIONER, null, null),
        /** The authority who confirms an erasure AUTHORITY requested. */
        SECOND_AUTHORITY("au-second", Role.AUTHORITY, null, 2_000_000L);

        final String sub;
        final Role role;
        final PersonReference person;
        final Long limit;

        Caller(String sub, Role role, String person, Long limit) {
            this.sub = sub;
            this.role = role;
            this.person = person == null ? null : new PersonReference(person);
            this.limit = limit;
        }
    }

    private final MockMvc mvc;
    private final DevTokenIssuer tokens;
    private final ObjectMapper json = new ObjectMapper();
    /** The traceparent header each event's request carried, by "budget/sequence"; absent when it carried none. */
    private final Map<String, String> sentTraceParents = new HashMap<>();

    Lifecycles(MockMvc mvc, DevTokenIssuer tokens) {
        this.mvc = mvc;
        this.tokens = tokens;
    }

    String sentTraceParent(String budget, long sequence) {
        return sentTraceParents.get(budget + "/" + sequence);
    }

    /** docs/walkthrough.md from opening to closure, without its reallocation and second adjustment: 24 events. */
    String fromOpeningToClosure(Trace trace) throws Exception {
        var budget = open(trace);
        budget.send(Caller.PRACTITIONER, "record-assessment", ASSESSMENT);
        budget.send(Caller.AUTHORITY, "offer-budget", OFFER);
        budget.send(
                Caller.PERSON,
                "contest-offer",
                "{\"reason\":\"Six hours is not enough on bad weeks\",\"requestedAmount\":{\"pence\":1400000,\"period\":\"YEARLY\"}}");
        budget.send(Caller.AUTHORITY, "revise-offer", REVISION);
        budget.send(Caller.PERSON, "accept-offer", null);
        budget.send(Caller.PERSON, "submit-plan", PLAN_1300);
        budget.send(
                Caller.PRACTITIONER, "return-plan", "{\"reasons\":\"Please say which days the assistant is needed\"}");
        budget.send(Caller.PERSON, "submit-plan", PLAN_1300);
        budget.send(Caller.PRACTITIONER, "endorse-plan", "{\"comment\":\"Co-produced with peer support; realistic\"}");
        budget.send(
                Caller.PERSON,
                "add-person-statement",
                "{\"statement\":\"Going out with someone I trust is what keeps me well.\"}");
        budget.send(
                Caller.AUTHORITY,
                "decline-by-authority",
                "{\"reasons\":\"The plan does not say how the assistant will be found.\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
        budget.send(Caller.PERSON, "submit-plan", PLAN_1300);
        budget.send(Caller.PRACTITIONER, "endorse-plan", null);
        budget.send(Caller.AUTHORITY, "approve-by-authority", """
                {"approvedAmount":{"pence":1300000,"period":"YEARLY"},"payment":{"pence":25000,"period":"WEEKLY"},
                 "conditions":["Keep receipts for the direct payment account"],"personTookPart":true}""");
        budget.send(Caller.PERSON, "choose-management", "{\"option\":\"DIRECT_PAYMENT\"}");
        budget.send(Caller.PERSON, "delegate-control", """
                {"delegate":{"id":"n-jordan","role":"NOMINEE"},"reason":"FLUCTUATING_CAPACITY",
                 "explanation":"Going into hospital for a short stay","intendedEnd":"%s"}""".formatted(fromNow(14)));
        budget.send(Caller.NOMINEE, "resume-control", "{\"reason\":\"Back home and well\"}");
        budget.send(Caller.PERSON, "challenge-decision", """
                {"decision":"APPROVED_AMOUNT","complaintReference":"CMP-2026-0042",
                 "grounds":"The approved amount leaves nothing for bad evenings",
                 "requestedAmount":{"pence":1400000,"period":"YEARLY"}}""");
        budget.send(Caller.AUTHORITY, "answer-challenge", """
                {"decision":"APPROVED_AMOUNT","result":"NOT_UPHELD",
                 "reasons":"The crisis cafe covers the evenings; the planned hours meet the assessed needs",
                 "personTookPart":true,"personToldBy":"LETTER"}""");
        budget.send(Caller.AUTHORITY, "adjust-budget", """
                {"kind":"TEMPORARY","newAmount":{"pence":1500000,"period":"YEARLY"},"effectiveFrom":"%s","endsOn":"%s",
                 "reason":"Extra support while distress is high","requestedBy":"PERSON","personTookPart":true,"personToldBy":"PHONE"}""".formatted(fromNow(0), fromNow(28)));
        budget.send(
                Caller.PRACTITIONER,
                "schedule-review",
                "{\"kind\":\"INITIAL_LIGHT_TOUCH\",\"dueBy\":\"%s\"}".formatted(fromNow(49)));
        budget.send(
                Caller.PRACTITIONER,
                "complete-review",
                "{\"result\":\"CONTINUE\",\"summary\":\"Going well; keep the plan\",\"personTookPart\":true}");
        budget.send(
                Caller.AUTHORITY,
                "close-budget",
                "{\"reason\":\"The person moved to another council area\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
        return budget.id;
    }

    /**
     * The event types the walkthrough does not reach: an authorisation, a withdrawn contest and plan, a reallocation,
     * an outcome, a change of the person's preferred control, a suspension: 19 events.
     */
    String withAuthorisationOutcomeAndSuspension(Trace trace) throws Exception {
        var budget = open(trace);
        budget.send(Caller.PRACTITIONER, "record-assessment", ASSESSMENT);
        budget.send(Caller.AUTHORITY, "offer-budget", OFFER);
        budget.send(Caller.PERSON, "contest-offer", "{\"reason\":\"Six hours is not enough on bad weeks\"}");
        budget.send(Caller.PERSON, "withdraw-contest", "{\"reason\":\"We talked it over: the offer is enough\"}");
        budget.send(
                Caller.AUTHORITY,
                "appoint-authorised-person",
                "{\"authorisedPerson\":\"n-jordan\",\"capacityAssessmentReference\":\"CA-2026-117\"}");
        budget.send(Caller.AUTHORITY, "end-authorisation", "{\"reason\":\"Capacity regained\"}");
        budget.send(Caller.PERSON, "accept-offer", null);
        budget.send(Caller.PERSON, "submit-plan", PLAN_1200);
        budget.send(Caller.PERSON, "withdraw-plan", "{\"reason\":\"I want to add the allotment first\"}");
        budget.send(Caller.PERSON, "submit-plan", PLAN_1200);
        budget.send(
                Caller.AUTHORITY,
                "reallocate-practitioner",
                "{\"practitioner\":\"pr-morgan\",\"reason\":\"Ellis moved to the crisis team\"}");
        budget.send(Caller.COLLEAGUE, "endorse-plan", null);
        budget.send(Caller.AUTHORITY, "approve-by-authority", """
                {"approvedAmount":{"pence":1200000,"period":"YEARLY"},"payment":{"pence":23000,"period":"WEEKLY"},
                 "conditions":[],"personTookPart":true}""");
        budget.send(Caller.PERSON, "choose-management", "{\"option\":\"DIRECT_PAYMENT\"}");
        budget.send(Caller.PERSON, "record-outcome", """
                {"domain":"SOCIAL_PARTICIPATION_AND_RELATIONSHIPS","personsOwnWords":"I saw two old friends this month.",
                 "recoveryGoalId":"G2"}""");
        budget.send(Caller.PERSON, "state-preferred-control", "{\"preferredControl\":\"HOLD_IT_MYSELF\"}");
        budget.send(
                Caller.AUTHORITY,
                "suspend-budget",
                "{\"reason\":\"In hospital for several weeks\",\"interimArrangement\":\"Ward staff and family meet needs meanwhile\",\"personTookPart\":false,\"personToldBy\":\"IN_PERSON\"}");
        budget.send(Caller.AUTHORITY, "resume-budget", "{\"reason\":\"Home again\"}");
        return budget.id;
    }

    /**
     * A budget of a person of its own, closed at once, whose personal data two authorities then erase: 3 events, the
     * last a PersonalDataErasureConfirmed.
     */
    String erased(Trace trace) throws Exception {
        String person = "P-E" + UUID.randomUUID().toString().substring(0, 8);
        var budget = open(trace, person);
        budget.send(
                Caller.AUTHORITY,
                "close-budget",
                "{\"reason\":\"Opened in error\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
        String requests = "/api/v1/persons/" + person + "/erasure-requests";
        String requested = mvc.perform(
                        as(post(requests).content("{\"reason\":\"The person asked us to\"}"), Caller.AUTHORITY, null))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String traceParent = traceHeader(trace);
        mvc.perform(as(
                        post(requests + "/" + json.readTree(requested).get("id").textValue() + "/confirmation"),
                        Caller.SECOND_AUTHORITY,
                        traceParent))
                .andExpect(status().isOk());
        budget.remember(traceParent);
        return budget.id;
    }

    /** Opened, assessed and offered: 3 events. */
    String offered(Trace trace) throws Exception {
        var budget = open(trace);
        budget.send(Caller.PRACTITIONER, "record-assessment", ASSESSMENT);
        budget.send(Caller.AUTHORITY, "offer-budget", OFFER);
        return budget.id;
    }

    private Budget open(Trace trace) throws Exception {
        return open(trace, PERSON_REF);
    }

    private Budget open(Trace trace, String person) throws Exception {
        String traceParent = traceHeader(trace);
        var request = post("/api/v1/budgets")
                .content("{\"person\":\"" + person + "\",\"localAuthority\":\"leeds\","
                        + "\"allocatedPractitioner\":\"pr-ellis\"}");
        String answer = mvc.perform(as(request, Caller.PRACTITIONER, traceParent))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var budget = new Budget(json.readTree(answer).get("id").textValue(), trace);
        budget.remember(traceParent);
        return budget;
    }

    private final class Budget {
        final String id;
        final Trace trace;
        long sequence;

        Budget(String id, Trace trace) {
            this.id = id;
            this.trace = trace;
        }

        void send(Caller caller, String command, String body) throws Exception {
            String traceParent = traceHeader(trace);
            var request = post("/api/v1/budgets/" + id + "/" + command);
            if (body != null) {
                request.content(body);
            }
            mvc.perform(as(request, caller, traceParent)).andExpect(status().isOk());
            remember(traceParent);
        }

        void remember(String traceParent) {
            if (traceParent != null) {
                sentTraceParents.put(id + "/" + sequence, traceParent);
            }
            sequence++;
        }
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Caller caller, String traceParent) {
        request.contentType(MediaType.APPLICATION_JSON)
                .header(
                        "Authorization",
                        "Bearer "
                                + tokens.issue(
                                        caller.sub,
                                        caller.role,
                                        caller.person,
                                        caller.limit,
                                        TokenHolder.HOME_COUNCIL));
        if (traceParent != null) {
            request.header(TraceParent.METADATA_KEY, traceParent);
        }
        return request;
    }

    private static String traceHeader(Trace trace) {
        return switch (trace) {
            case GIVEN -> TraceParent.random().value();
            case NONE -> null;
            case INVALID -> INVALID_TRACEPARENT;
        };
    }

    private static String fromNow(int days) {
        return Instant.now()
                .plus(Duration.ofDays(days))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static final String ASSESSMENT = """
            {"kind":"CO_PRODUCED",
             "eligibleNeeds":["Maintaining a habitable home","Developing and maintaining relationships"],
             "eligible":true,
             "eligibilityReasons":"Needs arise from a mental impairment; two outcomes cannot be achieved.",
             "wantsCouncilToMeetNeeds":true,
             "recoveryGoals":[{"id":"G1","description":"Get out of the house three times a week"},
                              {"id":"G2","description":"Rebuild contact with friends"}],
             "advocateNeeded":false,"preferredControl":"SHARE_IT"}""";

    private static final String OFFER = """
            {"amount":{"pence":1200000,"period":"YEARLY"},
             "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
               "breakdown":[{"description":"Personal assistance","amount":{"pence":936000,"period":"YEARLY"}},
                            {"description":"Peer support group","amount":{"pence":164000,"period":"YEARLY"}},
                            {"description":"Travel","amount":{"pence":100000,"period":"YEARLY"}}]},"personTookPart":true,"personToldBy":"IN_PERSON"}""";

    private static final String REVISION = """
            {"amount":{"pence":1300000,"period":"YEARLY"},
             "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
               "breakdown":[{"description":"Personal assistance","amount":{"pence":1036000,"period":"YEARLY"}},
                            {"description":"Peer support group","amount":{"pence":164000,"period":"YEARLY"}},
                            {"description":"Travel","amount":{"pence":100000,"period":"YEARLY"}}]},
             "reasons":"Extra hours agreed for bad weeks; the gym is met by the community offer instead.","personTookPart":true,"personToldBy":"IN_PERSON"}""";

    private static final String PLAN_1300 = """
            {"lines":[{"description":"Personal assistant for outings","cost":{"pence":1036000,"period":"YEARLY"},"recoveryGoalId":"G1"},
                      {"description":"Peer support group","cost":{"pence":164000,"period":"YEARLY"},"recoveryGoalId":"G2"},
                      {"description":"Swimming","cost":{"pence":100000,"period":"YEARLY"},"outcomeDomain":"PHYSICAL_HEALTH"}],
             "madeBy":"PEER_SUPPORTED",
             "agreement":{"notes":"Read through with my peer supporter before sending"}}""";

    private static final String PLAN_1200 = """
            {"lines":[{"description":"Personal assistant for outings","cost":{"pence":936000,"period":"YEARLY"},"recoveryGoalId":"G1"},
                      {"description":"Peer support group","cost":{"pence":164000,"period":"YEARLY"},"recoveryGoalId":"G2"},
                      {"description":"Swimming","cost":{"pence":100000,"period":"YEARLY"},"outcomeDomain":"PHYSICAL_HEALTH"}],
             "madeBy":"PEER_SUPPORTED"}""";
}
