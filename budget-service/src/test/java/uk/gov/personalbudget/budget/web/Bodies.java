package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Request bodies as a council system would send them (after docs/walkthrough.md), and small edits to them.
 * The offer is £12,000 a year; the plan and the approval match it, so no exception or variance reason is due.
 */
public final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {}

    public static String opening() {
        return opening(Party.PERSON_REF);
    }

    public static String opening(String person) {
        return """
                {"person":"%s","localAuthority":"leeds","allocatedPractitioner":"pr-ellis"}
                """.formatted(person);
    }

    public static String assessment() {
        return assessment("CO_PRODUCED");
    }

    public static String assessment(String kind) {
        return """
                {"kind":"%s",
                 "eligibleNeeds":["Maintaining a habitable home","Developing and maintaining relationships"],
                 "eligible":true,
                 "eligibilityReasons":"Needs arise from a mental impairment; two outcomes cannot be achieved.",
                 "wantsCouncilToMeetNeeds":true,
                 "recoveryGoals":[{"id":"G1","description":"Get out of the house three times a week"},
                                  {"id":"G2","description":"Rebuild contact with friends"}],
                 "advocateNeeded":false,
                 "preferredControl":"SHARE_IT"}
                """.formatted(kind);
    }

    public static String challenge() {
        return challenge("APPROVED_AMOUNT");
    }

    public static String challenge(String decision) {
        return """
                {"decision":"%s","complaintReference":"CMP-2026-0042",
                 "grounds":"The approved amount leaves nothing for evenings, when I am at my worst",
                 "requestedAmount":{"pence":1400000,"period":"YEARLY"}}
                """.formatted(decision);
    }

    public static String challengeAnswer() {
        return """
                {"decision":"APPROVED_AMOUNT","result":"NOT_UPHELD",
                 "reasons":"The crisis cafe covers the evenings; the plan's hours meet the assessed needs",
                 "personTookPart":true,"personToldBy":"LETTER"}
                """;
    }

    public static String preferredControl(String level) {
        return """
                {"preferredControl":"%s"}
                """.formatted(level);
    }

    public static String offer() {
        return """
                {"amount":{"pence":1200000,"period":"YEARLY"},
                 "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
                   "breakdown":[{"description":"Personal assistance","amount":{"pence":936000,"period":"YEARLY"}},
                                {"description":"Peer support group","amount":{"pence":164000,"period":"YEARLY"}},
                                {"description":"Travel","amount":{"pence":100000,"period":"YEARLY"}}]},"personTookPart":true,"personToldBy":"IN_PERSON"}
                """;
    }

    public static String contest() {
        return """
                {"reason":"Six hours is not enough on bad weeks","requestedAmount":{"pence":1400000,"period":"YEARLY"}}
                """;
    }

    public static String revision() {
        return """
                {"amount":{"pence":1300000,"period":"YEARLY"},
                 "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
                   "breakdown":[{"description":"Personal assistance","amount":{"pence":1036000,"period":"YEARLY"}},
                                {"description":"Peer support group","amount":{"pence":164000,"period":"YEARLY"}},
                                {"description":"Travel","amount":{"pence":100000,"period":"YEARLY"}}]},
                 "reasons":"Extra hours agreed for bad weeks; the gym is met by the community offer instead.","personTookPart":true,"personToldBy":"IN_PERSON"}
                """;
    }

    public static String plan() {
        return """
                {"lines":[{"description":"Personal assistant for outings","cost":{"pence":936000,"period":"YEARLY"},"recoveryGoalId":"G1"},
                          {"description":"Peer support group","cost":{"pence":164000,"period":"YEARLY"},"recoveryGoalId":"G2"},
                          {"description":"Swimming","cost":{"pence":100000,"period":"YEARLY"},"outcomeDomain":"PHYSICAL_HEALTH"}],
                 "madeBy":"PEER_SUPPORTED"}
                """;
    }

    public static String endorsement() {
        return """
                {"comment":"Co-produced with peer support; realistic"}
                """;
    }

    public static String planReturn() {
        return """
                {"reasons":"Please say which days the assistant is needed"}
                """;
    }

    public static String statement() {
        return """
                {"statement":"Going out with someone I trust is what keeps me well."}
                """;
    }

    public static String approval() {
        return """
                {"approvedAmount":{"pence":1200000,"period":"YEARLY"},
                 "payment":{"pence":23000,"period":"WEEKLY"},
                 "conditions":["Keep receipts for the direct payment account"],
                 "personTookPart":true}
                """;
    }

    public static String decline() {
        return """
                {"reasons":"The plan does not say how the assistant will be found.","personTookPart":true,"personToldBy":"LETTER"}
                """;
    }

    public static String management(String option) {
        return """
                {"option":"%s"}
                """.formatted(option);
    }

    public static String delegation() {
        return delegation(Party.NOMINEE.sub, "NOMINEE", "FLUCTUATING_CAPACITY");
    }

    public static String delegation(String delegateId, String delegateRole, String reason) {
        return """
                {"delegate":{"id":"%s","role":"%s"},"reason":"%s",
                 "explanation":"Going into hospital for a short stay","intendedEnd":"%s"}
                """.formatted(delegateId, delegateRole, reason, fromNow(Duration.ofDays(14)));
    }

    public static String resumption() {
        return """
                {"reason":"Back home and well"}
                """;
    }

    public static String authorisation() {
        return """
                {"authorisedPerson":"%s","capacityAssessmentReference":"CA-2026-117"}
                """.formatted(Party.NOMINEE.sub);
    }

    public static String closure(String reason) {
        return """
                {"reason":"%s","personTookPart":true,"personToldBy":"LETTER"}
                """.formatted(reason);
    }

    public static String reallocation(String practitioner) {
        return """
                {"practitioner":"%s","reason":"The allocated social worker moved to the crisis team"}
                """.formatted(practitioner);
    }

    /** The structured record of the person's agreement that a practitioner's plan needs. */
    public static String agreement() {
        return """
                {"method":"SIGNED_PLAN","agreedAt":"%s","reference":"Signed plan on file, CF-1001-07"}
                """.formatted(fromNow(Duration.ofDays(-1)));
    }

    public static String reason(String reason) {
        return """
                {"reason":"%s"}
                """.formatted(reason);
    }

    public static String adjustment() {
        return """
                {"kind":"TEMPORARY","newAmount":{"pence":1500000,"period":"YEARLY"},
                 "effectiveFrom":"%s","endsOn":"%s",
                 "reason":"Extra support while distress is high","requestedBy":"PERSON","personTookPart":true,"personToldBy":"PHONE"}
                """.formatted(fromNow(Duration.ZERO), fromNow(Duration.ofDays(28)));
    }

    public static String outcome() {
        return """
                {"domain":"SOCIAL_PARTICIPATION_AND_RELATIONSHIPS","personsOwnWords":"I saw two old friends this month.","recoveryGoalId":"G2"}
                """;
    }

    public static String review() {
        return """
                {"kind":"INITIAL_LIGHT_TOUCH","dueBy":"%s"}
                """.formatted(fromNow(Duration.ofDays(49)));
    }

    public static String reviewResult(String result) {
        return """
                {"result":"%s","summary":"Going well; keep the plan","personTookPart":true}
                """.formatted(result);
    }

    public static String suspension() {
        return """
                {"reason":"In hospital for several weeks","interimArrangement":"Ward staff and family meet needs meanwhile","personTookPart":false,"personToldBy":"IN_PERSON"}
                """;
    }

    /** An ISO-8601 instant {@code offset} from now, to the second. */
    public static String fromNow(Duration offset) {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code json} without the field at the dotted {@code path}. */
    public static String without(String json, String path) {
        ObjectNode root = read(json);
        parentOf(root, path).remove(lastSegment(path));
        return root.toString();
    }

    /** {@code json} with the field at the dotted {@code path} set to {@code rawJson}, e.g. {@code "\"12\""}. */
    public static String with(String json, String path, String rawJson) {
        ObjectNode root = read(json);
        try {
            parentOf(root, path).set(lastSegment(path), JSON.readTree(rawJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(rawJson, e);
        }
        return root.toString();
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        JsonNode node = root;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            node = node.get(segments[i]);
        }
        return (ObjectNode) node;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
