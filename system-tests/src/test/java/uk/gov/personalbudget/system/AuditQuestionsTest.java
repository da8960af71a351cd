package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.personalbudget.testsupport.tokens.DevTokenRequests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * DOMAIN.md's five audit questions ("What the audit trail must answer"), each asked of the services' APIs and checked
 * against what this test did. Two budgets are driven over budget-service's REST API: budget A through a contest and a
 * partial revision, a return, a decline, an approval, a delegation to a nominee and its return, an adjustment, a
 * suspension and a closure; budget B to a delegation whose intended end passes before the report's range ends. Every
 * expected value is computed from the commands sent and the events budget-service stored, never read back from the
 * answer under test. Both services as real processes with a real Kafka broker, on their embedded defaults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditQuestionsTest {

    private static final String COUNCIL = "leeds";
    private static final String CONTEST_REASON = "Six hours is not enough on bad weeks";
    private static final String REVISION_REASONS = "Extra hours agreed for bad weeks; not all that was asked.";
    private static final String RETURN_REASONS = "Please say which days the assistant is needed";
    private static final String DECLINE_REASONS = "The plan does not say how the assistant will be found.";
    private static final String ELIGIBILITY_REASONS =
            "Needs arise from a mental impairment; two outcomes cannot be met.";
    private static final String FIRST_ENDORSEMENT = "Co-produced with peer support; realistic";
    private static final String SECOND_ENDORSEMENT = "Now says how the assistant is found";
    private static final String DELEGATION_EXPLANATION = "Going into hospital for a short stay";
    private static final String RESUMPTION_REASON = "Back home and well";
    private static final String ADJUSTMENT_REASON = "Extra support while distress is high";
    private static final String SUSPENSION_REASON = "In hospital for a few weeks";
    private static final String INTERIM = "Ward staff meet needs meanwhile";
    private static final String BUDGET_RESUMED_REASON = "Home again";
    private static final String CLOSURE_REASON = "The person moved to another council area";
    private static final String PLAN = """
            {"lines":[{"description":"Personal assistant for outings","cost":{"pence":1036000,"period":"YEARLY"},"recoveryGoalId":"G1"},
                      {"description":"Peer support group","cost":{"pence":164000,"period":"YEARLY"},"recoveryGoalId":"G2"},
                      {"description":"Swimming","cost":{"pence":100000,"period":"YEARLY"},"outcomeDomain":"PHYSICAL_HEALTH"}],
             "madeBy":"PEER_SUPPORTED"}""";

    /** Budget A's statuses after each of its events, in order (sequence 0 to 20). */
    private static final List<String> STATUSES_OF_A = List.of(
            "OPENED",
            "ASSESSED",
            "OFFERED",
            "CONTESTED",
            "OFFERED",
            "PLANNING",
            "PLAN_SUBMITTED",
            "PLANNING",
            "PLAN_SUBMITTED",
            "PLAN_ENDORSED",
            "PLANNING",
            "PLAN_SUBMITTED",
            "PLAN_ENDORSED",
            "APPROVED",
            "ACTIVE",
            "ACTIVE",
            "ACTIVE",
            "ACTIVE",
            "SUSPENDED",
            "ACTIVE",
            "CLOSED");

    @TempDir
    static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private H2Stack stack;
    private final Map<String, String> tokens = new HashMap<>();

    private String budgetA;
    private String budgetB;
    /** Budget A's state read from budget-service right after each of its commands, by sequence. */
    private final List<JsonNode> statesOfA = new ArrayList<>();
    /** The events budget-service stored for each budget. */
    private List<JsonNode> eventsOfA;

    private List<JsonNode> eventsOfB;
    private Instant intendedEndOfB;
    private Instant from;
    private Instant to;

    @BeforeAll
    void driveTwoLifecycles() throws Exception {
        stack = H2Stack.start(data);
        from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        driveBudgetA();
        driveBudgetB();
        eventsOfA = events(budgetA);
        eventsOfB = events(budgetB);
        assertThat(eventsOfA).hasSize(STATUSES_OF_A.size());
        assertThat(eventsOfB).hasSize(5);
        // The report's range must end after B's intended end and after every event, in the past, so that it gives
        // the same answer each time it is made.
        Instant last = timestamp(eventsOfB, 4).isAfter(timestamp(eventsOfA, 20))
                ? timestamp(eventsOfB, 4)
                : timestamp(eventsOfA, 20);
        Instant after = (intendedEndOfB.isAfter(last) ? intendedEndOfB : last)
                .plusSeconds(1)
                .truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        await("the clock passes B's intended end")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(after));
        to = after;
        await("approval-service has projected both budgets")
                .atMost(Duration.ofSeconds(60))
                .until(() -> transfersOf(read(approval(), "/api/v1/budgets/" + budgetA + "/control-trail"))
                                .contains("BudgetClosed")
                        && transfersOf(read(approval(), "/api/v1/budgets/" + budgetB + "/control-trail"))
                                .contains("ControlDelegated"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void question1EveryControlTransferOfOneBudgetInOrderWithWhoWhenWhichEventWhoseActWhyAndHowLongHeld()
            throws Exception {
        checkControlTrailOfA(read(approval(), "/api/v1/budgets/" + budgetA + "/control-trail"));
        checkControlTrailOfB(read(approval(), "/api/v1/budgets/" + budgetB + "/control-trail"));
    }

    @Test
    @Order(2)
    void question2EveryDecisionOfOneBudgetWithItsReasonsAndWhetherThePersonTookPart() throws Exception {
        checkDecisionsOfA(read(approval(), "/api/v1/budgets/" + budgetA + "/decisions"));
    }

    @Test
    @Order(3)
    void question3AcrossBudgetsAndDatesWaitingContestsReturnsDeclinesPersonsShareAndOverdueDelegations()
            throws Exception {
        checkControlSummary(read(approval(), controlSummary()));
    }

    @Test
    @Order(4)
    void question4TheStateAtAPastMomentIsTheStateAfterTheEventStoredAtThatMoment() throws Exception {
        for (int sequence = 0; sequence < eventsOfA.size(); sequence++) {
            Instant at = timestamp(eventsOfA, sequence);
            JsonNode then = read(budget(), "/api/v1/budgets/" + budgetA + "?asOf=" + encode(at));
            assertThat(then.get("version").asLong())
                    .as("version as of event %d", sequence)
                    .isEqualTo(sequence);
            assertThat(then.get("status").asText())
                    .as("status as of event %d", sequence)
                    .isEqualTo(STATUSES_OF_A.get(sequence));
            assertThat(then.get("controlHolder"))
                    .as("control as of event %d", sequence)
                    .isEqualTo(eventsOfA.get(sequence).get("controlAfter"));
            assertThat(then).as("the whole state as of event %d", sequence).isEqualTo(statesOfA.get(sequence));
            if (sequence + 1 < eventsOfA.size()) {
                Instant between = at.plus(
                        Duration.between(at, timestamp(eventsOfA, sequence + 1)).dividedBy(2));
                JsonNode meanwhile = read(budget(), "/api/v1/budgets/" + budgetA + "?asOf=" + encode(between));
                assertThat(meanwhile)
                        .as("the state between events %d and %d", sequence, sequence + 1)
                        .isEqualTo(then);
            }
        }
        HttpResponse<String> beforeOpening = get(
                budget(),
                "/api/v1/budgets/" + budgetA + "?asOf="
                        + encode(timestamp(eventsOfA, 0).minusSeconds(1)));
        assertThat(beforeOpening.statusCode()).as("before it was opened").isEqualTo(404);
    }

    @Test
    @Order(5)
    void question5RebuiltFromTheEventsAloneTheAnswersToQuestionsOneToThreeAreTheSame() throws Exception {
        String trailA = "/api/v1/budgets/" + budgetA + "/control-trail";
        String trailB = "/api/v1/budgets/" + budgetB + "/control-trail";
        String decisionsA = "/api/v1/budgets/" + budgetA + "/decisions";
        JsonNode trailABefore = read(approval(), trailA);
        JsonNode trailBBefore = withoutGrowingFigures(read(approval(), trailB));
        JsonNode decisionsBefore = read(approval(), decisionsA);
        JsonNode reportBefore = read(approval(), controlSummary());

        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(approval() + "/api/v1/replays"))
                .header("Authorization", "Bearer " + token("aud-reyes", "AUDITOR", null, null))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String replay = json.readTree(started.body()).get("id").asText();
        await("the replay completes").atMost(Duration.ofSeconds(120)).until(() -> {
            String status =
                    read(approval(), "/api/v1/replays/" + replay).get("status").asText();
            assertThat(status).as("replay " + replay).isNotEqualTo("FAILED");
            return status.equals("COMPLETED");
        });

        JsonNode trailAAfter = read(approval(), trailA);
        JsonNode decisionsAfter = read(approval(), decisionsA);
        JsonNode reportAfter = read(approval(), controlSummary());
        assertThat(trailAAfter).isEqualTo(trailABefore);
        assertThat(withoutGrowingFigures(read(approval(), trailB))).isEqualTo(trailBBefore);
        assertThat(decisionsAfter).isEqualTo(decisionsBefore);
        assertThat(reportAfter).isEqualTo(reportBefore);
        checkControlTrailOfA(trailAAfter);
        checkControlTrailOfB(read(approval(), trailB));
        checkDecisionsOfA(decisionsAfter);
        checkControlSummary(reportAfter);
    }

    // --- the answers, checked against what the test did ---

    private void checkControlTrailOfA(JsonNode trail) {
        List<String> expected = new ArrayList<>();
        Instant previous = null;
        for (JsonNode event : eventsOfA) {
            if (event.get("controlBefore").equals(event.get("controlAfter"))) {
                continue;
            }
            int sequence = event.get("sequence").asInt();
            Instant at = micros(occurredAt(eventsOfA, sequence));
            expected.add(row(
                    sequence,
                    event.get("type").asText(),
                    holder(event.get("controlBefore")),
                    holder(event.get("controlAfter")),
                    at.toString(),
                    ACTOR_OF_A.get(sequence),
                    sequence == 16 ? "P-A" : "null",
                    REASON_OF_A.getOrDefault(sequence, "null"),
                    previous == null
                            ? "null"
                            : String.valueOf(Duration.between(previous, at).getSeconds())));
            previous = at;
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode entry : trail.get("transfers")) {
            actual.add(row(
                    entry.get("sequence").asInt(),
                    entry.get("event").asText(),
                    holder(entry.get("from")),
                    holder(entry.get("to")),
                    Instant.parse(entry.get("at").asText()).toString(),
                    entry.get("actor").asText() + "/" + entry.get("actorRole").asText(),
                    entry.get("onBehalfOf").isNull()
                            ? "null"
                            : entry.get("onBehalfOf").asText(),
                    entry.get("reason").isNull() ? "null" : entry.get("reason").asText(),
                    entry.get("heldForSeconds").isNull()
                            ? "null"
                            : entry.get("heldForSeconds").asText()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        // Who held control after each transfer, as DOMAIN.md's rule gives it: the delegation and its return are both
        // there, with the nominee named.
        List<String> holders = new ArrayList<>();
        trail.get("transfers").forEach(entry -> holders.add(holder(entry.get("to"))));
        assertThat(holders.stream().map(h -> h.split("/")[0]).toList())
                .containsExactly(
                        "PRACTITIONER",
                        "AUTHORITY",
                        "PERSON",
                        "AUTHORITY",
                        "PERSON",
                        "PRACTITIONER",
                        "PERSON",
                        "PRACTITIONER",
                        "AUTHORITY",
                        "PERSON",
                        "PRACTITIONER",
                        "AUTHORITY",
                        "PERSON",
                        "NOMINEE",
                        "PERSON",
                        "AUTHORITY",
                        "PERSON",
                        "NOBODY");
        assertThat(holders.get(13)).isEqualTo("NOMINEE/n-jordan");
        assertThat(trail.get("transfers").get(14).get("heldForSeconds").asLong())
                .as("how long the nominee held control")
                .isPositive();
        assertThat(trail.get("overdueDelegations")).as("handed back at once").isEmpty();
    }

    private void checkControlTrailOfB(JsonNode trail) {
        assertThat(transfersOf(trail))
                .containsExactly("BudgetOpened", "NeedsAssessed", "BudgetOffered", "ControlDelegated");
        JsonNode delegated = trail.get("transfers").get(3);
        assertThat(holder(delegated.get("to"))).isEqualTo("NOMINEE/n-casey");
        assertThat(delegated.get("actor").asText()).isEqualTo("p-b");
        assertThat(trail.get("overdueDelegations")).hasSize(1);
        JsonNode overdue = trail.get("overdueDelegations").get(0);
        assertThat(overdue.get("sequence").asLong()).isEqualTo(4);
        assertThat(overdue.get("delegateId").asText()).isEqualTo("n-casey");
        assertThat(Instant.parse(overdue.get("intendedEnd").asText())).isEqualTo(intendedEndOfB);
        assertThat(overdue.get("endedAt").isNull()).isTrue();
        assertThat(overdue.get("overdueSeconds").asLong())
                .isGreaterThanOrEqualTo(Duration.between(intendedEndOfB, to).getSeconds());
    }

    private void checkDecisionsOfA(JsonNode answer) {
        List<String> expected = List.of(
                decision(1, "PREFERRED_CONTROL", "pr-ellis/PRACTITIONER", "SHARE_IT", "null", "null", "null", "null"),
                decision(2, "OFFER", "au-okafor/AUTHORITY", "null", "null", "1200000/YEARLY", "true", "IN_PERSON"),
                decision(
                        4,
                        "REVISION",
                        "au-okafor/AUTHORITY",
                        "RAISED_PARTLY",
                        REVISION_REASONS,
                        "1300000/YEARLY",
                        "true",
                        "PHONE"),
                decision(
                        7, "RETURN", "pr-ellis/PRACTITIONER", "null", RETURN_REASONS, "1300000/YEARLY", "null", "null"),
                decision(
                        9,
                        "ENDORSEMENT",
                        "pr-ellis/PRACTITIONER",
                        "null",
                        FIRST_ENDORSEMENT,
                        "1300000/YEARLY",
                        "null",
                        "null"),
                decision(
                        10,
                        "DECLINE",
                        "au-okafor/AUTHORITY",
                        "null",
                        DECLINE_REASONS,
                        "1300000/YEARLY",
                        "false",
                        "LETTER"),
                decision(
                        12,
                        "ENDORSEMENT",
                        "pr-ellis/PRACTITIONER",
                        "null",
                        SECOND_ENDORSEMENT,
                        "1300000/YEARLY",
                        "null",
                        "null"),
                decision(13, "APPROVAL", "au-okafor/AUTHORITY", "null", "null", "1300000/YEARLY", "true", "null"),
                decision(14, "MANAGEMENT", "p-a/PERSON", "DIRECT_PAYMENT", "null", "null", "null", "null"),
                decision(
                        17,
                        "ADJUSTMENT",
                        "au-okafor/AUTHORITY",
                        "TEMPORARY",
                        ADJUSTMENT_REASON,
                        "1500000/YEARLY",
                        "true",
                        "PHONE"),
                decision(
                        18,
                        "SUSPENSION",
                        "au-okafor/AUTHORITY",
                        "null",
                        SUSPENSION_REASON,
                        "null",
                        "false",
                        "IN_PERSON"),
                decision(
                        19, "RESUMPTION", "au-okafor/AUTHORITY", "null", BUDGET_RESUMED_REASON, "null", "null", "null"),
                decision(20, "CLOSURE", "au-okafor/AUTHORITY", "null", CLOSURE_REASON, "null", "true", "LETTER"));
        List<String> actual = new ArrayList<>();
        Map<Long, JsonNode> bySequence = new HashMap<>();
        for (JsonNode d : answer.get("decisions")) {
            bySequence.put(d.get("sequence").asLong(), d);
            JsonNode amount = d.get("amount");
            actual.add(decision(
                    d.get("sequence").asInt(),
                    d.get("kind").asText(),
                    d.get("actor").asText() + "/" + d.get("actorRole").asText(),
                    text(d.get("outcome")),
                    text(d.get("reasons")),
                    amount == null || amount.isNull()
                            ? "null"
                            : amount.get("pence").asText() + "/"
                                    + amount.get("period").asText(),
                    text(d.get("personTookPart")),
                    text(d.get("personToldBy"))));
            assertThat(Instant.parse(d.get("at").asText()))
                    .as("when decision %s was made", d.get("sequence"))
                    .isEqualTo(micros(occurredAt(eventsOfA, d.get("sequence").asInt())));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(bySequence.get(18L).get("detail").asText()).isEqualTo(INTERIM);
        // How long each decided matter waited: the revision since the contest, the decline and approval since
        // their endorsements.
        assertThat(bySequence.get(4L).get("waitedSeconds").asLong()).isEqualTo(secondsBetween(eventsOfA, 3, 4));
        assertThat(bySequence.get(10L).get("waitedSeconds").asLong()).isEqualTo(secondsBetween(eventsOfA, 9, 10));
        assertThat(bySequence.get(13L).get("waitedSeconds").asLong()).isEqualTo(secondsBetween(eventsOfA, 12, 13));
        assertThat(bySequence.get(10L).get("personStatementAdded").asBoolean()).isFalse();
    }

    private void checkControlSummary(JsonNode report) {
        assertThat(Instant.parse(report.get("end").asText())).isEqualTo(to);
        JsonNode overall = report.get("overall");

        long declineWait = secondsBetween(eventsOfA, 9, 10);
        long approvalWait = secondsBetween(eventsOfA, 12, 13);
        List<Long> waits = new ArrayList<>(List.of(declineWait, approvalWait));
        assertThat(declineWait).as("the decline's wait").isPositive().isLessThan(approvalWait);
        waits.sort(null);
        assertThat(overall.get("authorityWaiting").get("plansDecided").asInt()).isEqualTo(2);
        assertThat(overall.get("authorityWaiting").get("medianSeconds").asLong())
                .isEqualTo(waits.get(0));
        assertThat(overall.get("authorityWaiting").get("p90Seconds").asLong()).isEqualTo(waits.get(1));
        assertThat(longs(overall.get("authorityWaitSeconds"))).containsExactlyElementsOf(waits);

        JsonNode contests = overall.get("contests");
        assertThat(ints(contests, "budgetsOffered", "budgetsContested", "contests", "raisedToAsked", "raisedPartly"))
                .containsExactly(2, 1, 1, 0, 1);
        assertThat(ints(contests, "notRaised", "withdrawn", "lapsed", "awaitingAnswer"))
                .containsExactly(0, 0, 0, 0);
        assertThat(contests.get("contestRate").asDouble()).isEqualTo(0.5);

        JsonNode plans = overall.get("plans");
        assertThat(ints(plans, "submitted", "returned", "endorsed", "declined", "withdrawn"))
                .containsExactly(3, 1, 2, 1, 0);
        assertThat(plans.get("returnRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(plans.get("declineRate").asDouble()).isEqualTo(0.5);

        Map<String, Long> heldByParty = new HashMap<>();
        Map<String, double[]> shares = new HashMap<>();
        shares.put(budgetA, lifeAndPersonMicros(eventsOfA, occurredAt(eventsOfA, 20), heldByParty));
        shares.put(budgetB, lifeAndPersonMicros(eventsOfB, to, heldByParty));
        JsonNode budgets = overall.get("personControl").get("budgets");
        assertThat(budgets).hasSize(2);
        double sum = 0;
        for (JsonNode share : budgets) {
            double[] expected = shares.get(share.get("budgetId").asText());
            assertThat(expected).as("a budget of this test: " + share).isNotNull();
            assertThat(share.get("lifeSeconds").asLong()).isEqualTo((long) expected[0] / 1_000_000);
            assertThat(share.get("personSeconds").asLong()).isEqualTo((long) expected[1] / 1_000_000);
            assertThat(share.get("share").asDouble()).isCloseTo(expected[1] / expected[0], within(1e-12));
            sum += expected[1] / expected[0];
        }
        assertThat(budgets.get(0).get("managementGroup").asText()
                        + budgets.get(1).get("managementGroup").asText())
                .as("A chose a direct payment, B nothing")
                .isIn(budgetA.compareTo(budgetB) < 0 ? "DIRECT_PAYMENTNONE" : "NONEDIRECT_PAYMENT");
        assertThat(overall.get("personControl").get("averageShare").asDouble()).isCloseTo(sum / 2, within(1e-12));

        Iterator<Map.Entry<String, JsonNode>> parties =
                overall.get("secondsHeldByParty").fields();
        Map<String, Long> reported = new HashMap<>();
        parties.forEachRemaining(
                entry -> reported.put(entry.getKey(), entry.getValue().asLong()));
        assertThat(reported).containsKeys(heldByParty.keySet().toArray(String[]::new));
        reported.forEach((party, seconds) -> assertThat(seconds)
                .as("seconds held by " + party)
                .isEqualTo(heldByParty.getOrDefault(party, 0L) / 1_000_000));

        JsonNode overdue = overall.get("overdueDelegations");
        assertThat(overdue.get("count").asInt()).isEqualTo(1);
        JsonNode late = overdue.get("delegations").get(0);
        assertThat(late.get("budgetId").asText()).isEqualTo(budgetB);
        assertThat(late.get("sequence").asLong()).isEqualTo(4);
        assertThat(late.get("delegateId").asText()).isEqualTo("n-casey");
        assertThat(late.get("delegateRole").asText()).isEqualTo("NOMINEE");
        assertThat(Instant.parse(late.get("since").asText())).isEqualTo(micros(occurredAt(eventsOfB, 4)));
        assertThat(Instant.parse(late.get("intendedEnd").asText())).isEqualTo(intendedEndOfB);
        assertThat(late.get("endedAt").isNull()).isTrue();
        assertThat(late.get("overdueSeconds").asLong())
                .isEqualTo(Duration.between(intendedEndOfB, to).getSeconds());

        JsonNode direct = report.get("byManagementOption").get("DIRECT_PAYMENT");
        JsonNode none = report.get("byManagementOption").get("NONE");
        assertThat(direct.get("plans").get("submitted").asInt()).isEqualTo(3);
        assertThat(direct.get("contests").get("budgetsOffered").asInt()).isEqualTo(1);
        assertThat(direct.get("overdueDelegations").get("count").asInt()).isZero();
        assertThat(none.get("contests").get("budgetsOffered").asInt()).isEqualTo(1);
        assertThat(none.get("contests").get("contests").asInt()).isZero();
        assertThat(none.get("overdueDelegations").get("count").asInt()).isEqualTo(1);
    }

    /**
     * A budget's life from its opening to {@code lifeEnd} and the part of it the PERSON party held control, in
     * microseconds, from the events budget-service stored; adds each party's holding to {@code heldByParty}.
     */
    private static double[] lifeAndPersonMicros(List<JsonNode> events, Instant lifeEnd, Map<String, Long> heldByParty) {
        List<JsonNode> transfers = events.stream()
                .filter(e -> !e.get("controlBefore").equals(e.get("controlAfter")))
                .toList();
        long person = 0;
        for (int i = 0; i < transfers.size(); i++) {
            Instant start = micros(occurredAt(transfers.get(i)));
            Instant stop = i + 1 < transfers.size() ? micros(occurredAt(transfers.get(i + 1))) : micros(lifeEnd);
            long held = ChronoUnit.MICROS.between(start, stop);
            String party = transfers.get(i).get("controlAfter").get("party").asText();
            heldByParty.merge(party, held, Long::sum);
            if (party.equals("PERSON")) {
                person += held;
            }
        }
        Instant opened = micros(occurredAt(events.get(0)));
        return new double[] {ChronoUnit.MICROS.between(opened, micros(lifeEnd)), person};
    }

    // --- the lifecycles ---

    /** Budget A's actor for each event that moves control, as "sub/ROLE". */
    private static final Map<Integer, String> ACTOR_OF_A = Map.ofEntries(
            Map.entry(0, "pr-ellis/PRACTITIONER"),
            Map.entry(1, "pr-ellis/PRACTITIONER"),
            Map.entry(2, "au-okafor/AUTHORITY"),
            Map.entry(3, "p-a/PERSON"),
            Map.entry(4, "au-okafor/AUTHORITY"),
            Map.entry(6, "p-a/PERSON"),
            Map.entry(7, "pr-ellis/PRACTITIONER"),
            Map.entry(8, "p-a/PERSON"),
            Map.entry(9, "pr-ellis/PRACTITIONER"),
            Map.entry(10, "au-okafor/AUTHORITY"),
            Map.entry(11, "p-a/PERSON"),
            Map.entry(12, "pr-ellis/PRACTITIONER"),
            Map.entry(13, "au-okafor/AUTHORITY"),
            Map.entry(15, "p-a/PERSON"),
            Map.entry(16, "n-jordan/NOMINEE"),
            Map.entry(18, "au-okafor/AUTHORITY"),
            Map.entry(19, "au-okafor/AUTHORITY"),
            Map.entry(20, "au-okafor/AUTHORITY"));

    /** The reason each of budget A's transfers states, as the actor wrote it. */
    private static final Map<Integer, String> REASON_OF_A = Map.ofEntries(
            Map.entry(1, ELIGIBILITY_REASONS),
            Map.entry(3, CONTEST_REASON),
            Map.entry(4, REVISION_REASONS),
            Map.entry(7, RETURN_REASONS),
            Map.entry(9, FIRST_ENDORSEMENT),
            Map.entry(10, DECLINE_REASONS),
            Map.entry(12, SECOND_ENDORSEMENT),
            Map.entry(15, DELEGATION_EXPLANATION),
            Map.entry(16, RESUMPTION_REASON),
            Map.entry(18, SUSPENSION_REASON),
            Map.entry(19, BUDGET_RESUMED_REASON),
            Map.entry(20, CLOSURE_REASON));

    private void driveBudgetA() throws Exception {
        String practitioner = token("pr-ellis", "PRACTITIONER", null, null);
        String authority = token("au-okafor", "AUTHORITY", null, 2_000_000L);
        String person = token("p-a", "PERSON", "P-A", null);
        String nominee = token("n-jordan", "NOMINEE", "P-A", null);
        budgetA = open(practitioner, "P-A");
        statesOfA.add(read(budget(), "/api/v1/budgets/" + budgetA));
        commandA(practitioner, "record-assessment", """
                {"kind":"CO_PRODUCED","eligibleNeeds":["Maintaining a habitable home"],"eligible":true,
                 "eligibilityReasons":"%s","wantsCouncilToMeetNeeds":true,
                 "recoveryGoals":[{"id":"G1","description":"Get out of the house three times a week"},
                                  {"id":"G2","description":"Rebuild contact with friends"}],"advocateNeeded":false,
                 "preferredControl":"SHARE_IT"}""".formatted(ELIGIBILITY_REASONS));
        commandA(authority, "offer-budget", offer(1_200_000, null, "IN_PERSON"));
        commandA(person, "contest-offer", """
                {"reason":"%s","requestedAmount":{"pence":1400000,"period":"YEARLY"}}""".formatted(CONTEST_REASON));
        commandA(authority, "revise-offer", offer(1_300_000, REVISION_REASONS, "PHONE"));
        commandA(person, "accept-offer", null);
        commandA(person, "submit-plan", PLAN);
        commandA(practitioner, "return-plan", "{\"reasons\":\"" + RETURN_REASONS + "\"}");
        commandA(person, "submit-plan", PLAN);
        commandA(practitioner, "endorse-plan", "{\"comment\":\"" + FIRST_ENDORSEMENT + "\"}");
        // The authority's two waits last at least one and three seconds: neither is 0, and they differ.
        letPass(1);
        commandA(authority, "decline-by-authority", """
                {"reasons":"%s","personTookPart":false,"personToldBy":"LETTER"}""".formatted(DECLINE_REASONS));
        commandA(person, "submit-plan", PLAN);
        commandA(practitioner, "endorse-plan", "{\"comment\":\"" + SECOND_ENDORSEMENT + "\"}");
        letPass(3);
        commandA(authority, "approve-by-authority", """
                {"approvedAmount":{"pence":1300000,"period":"YEARLY"},"payment":{"pence":25000,"period":"WEEKLY"},
                 "conditions":["Keep receipts for the direct payment account"],"personTookPart":true}""");
        commandA(person, "choose-management", "{\"option\":\"DIRECT_PAYMENT\"}");
        commandA(person, "delegate-control", """
                {"delegate":{"id":"n-jordan","role":"NOMINEE"},"reason":"FLUCTUATING_CAPACITY",
                 "explanation":"%s","intendedEnd":"%s"}""".formatted(
                DELEGATION_EXPLANATION, Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS)));
        letPass(1);
        commandA(nominee, "resume-control", "{\"reason\":\"" + RESUMPTION_REASON + "\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        commandA(authority, "adjust-budget", """
                {"kind":"TEMPORARY","newAmount":{"pence":1500000,"period":"YEARLY"},"effectiveFrom":"%s","endsOn":"%s",
                 "reason":"%s","requestedBy":"PERSON","personTookPart":true,"personToldBy":"PHONE"}""".formatted(now, now.plus(Duration.ofDays(28)), ADJUSTMENT_REASON));
        commandA(authority, "suspend-budget", """
                {"reason":"%s","interimArrangement":"%s","personTookPart":false,"personToldBy":"IN_PERSON"}""".formatted(SUSPENSION_REASON, INTERIM));
        commandA(authority, "resume-budget", "{\"reason\":\"" + BUDGET_RESUMED_REASON + "\"}");
        commandA(authority, "close-budget", """
                {"reason":"%s","personTookPart":true,"personToldBy":"LETTER"}""".formatted(CLOSURE_REASON));
    }

    /** Budget B: offered, accepted, and delegated by the person until a moment a few seconds on, never handed back. */
    private void driveBudgetB() throws Exception {
        String practitioner = token("pr-ellis", "PRACTITIONER", null, null);
        String authority = token("au-okafor", "AUTHORITY", null, 2_000_000L);
        String person = token("p-b", "PERSON", "P-B", null);
        budgetB = open(practitioner, "P-B");
        command(practitioner, budgetB, "record-assessment", """
                {"kind":"SELF","eligibleNeeds":["Accessing the community"],"eligible":true,
                 "eligibilityReasons":"Cannot achieve two outcomes without support.","wantsCouncilToMeetNeeds":true,
                 "recoveryGoals":[{"id":"G1","description":"Go to the allotment weekly"}],"advocateNeeded":false,
                 "preferredControl":"HOLD_IT_MYSELF"}""");
        command(authority, budgetB, "offer-budget", offer(520_000, null, "LETTER"));
        command(person, budgetB, "accept-offer", null);
        // DelegateControl refuses an intended end that is not in the future: the nearest that passes soon.
        intendedEndOfB = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        command(person, budgetB, "delegate-control", """
                {"delegate":{"id":"n-casey","role":"NOMINEE"},"reason":"CRISIS","explanation":"A bad spell",
                 "intendedEnd":"%s"}""".formatted(intendedEndOfB));
    }

    /** Returns once at least {@code seconds} whole seconds have passed, so that the length being made is not 0. */
    private static void letPass(long seconds) {
        Instant since = Instant.now();
        await(seconds + " seconds pass")
                .atMost(Duration.ofSeconds(seconds + 10))
                .until(() -> Duration.between(since, Instant.now()).getSeconds() >= seconds);
    }

    private static String offer(long pence, String reasons, String toldBy) {
        return """
                {"amount":{"pence":%d,"period":"YEARLY"},
                 "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
                   "breakdown":[{"description":"Personal assistance","amount":{"pence":%d,"period":"YEARLY"}}]},
                 %s"personTookPart":true,"personToldBy":"%s"}""".formatted(pence, pence, reasons == null ? "" : "\"reasons\":\"" + reasons + "\",", toldBy);
    }

    private String open(String practitioner, String person) throws Exception {
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(budget() + "/api/v1/budgets"))
                .header("Authorization", "Bearer " + practitioner)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"person\":\"" + person + "\",\"localAuthority\":\""
                        + COUNCIL + "\",\"allocatedPractitioner\":\"pr-ellis\"}")));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).get("id").asText();
    }

    /** A command on budget A; then its state, as the state after that event. */
    private void commandA(String token, String command, String body) throws Exception {
        command(token, budgetA, command, body);
        statesOfA.add(read(budget(), "/api/v1/budgets/" + budgetA));
    }

    private void command(String token, String id, String command, String body) throws Exception {
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(URI.create(budget() + "/api/v1/budgets/" + id + "/" + command))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
        assertThat(answer.statusCode()).as(command + ": " + answer.body()).isEqualTo(200);
    }

    // --- reading ---

    private List<JsonNode> events(String id) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        read(budget(), "/api/v1/budgets/" + id + "/events").forEach(events::add);
        return events;
    }

    private String controlSummary() {
        return "/api/v1/reports/control-summary?from=" + encode(from) + "&to=" + encode(to);
    }

    private JsonNode read(String service, String path) throws Exception {
        HttpResponse<String> response = get(service, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String service, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service + path))
                .header("Authorization", "Bearer " + token("aud-reyes", "AUDITOR", null, null)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String sub, String role, String person, Long limit) throws Exception {
        String key = sub + "/" + role;
        if (!tokens.containsKey(key)) {
            HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(budget() + "/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            DevTokenRequests.body(sub, role, person, limit, COUNCIL))));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            tokens.put(key, json.readTree(issued.body()).get("token").asText());
        }
        return tokens.get(key);
    }

    private String budget() {
        return stack.budgetService().baseUrl();
    }

    private String approval() {
        return stack.approvalService().baseUrl();
    }

    // --- small pieces ---

    private static List<String> transfersOf(JsonNode trail) {
        List<String> events = new ArrayList<>();
        trail.get("transfers").forEach(entry -> events.add(entry.get("event").asText()));
        return events;
    }

    /** B's trail with the overdue delegation's running length, which grows with the clock, taken out. */
    private static JsonNode withoutGrowingFigures(JsonNode trail) {
        JsonNode copy = trail.deepCopy();
        copy.get("overdueDelegations").forEach(d -> ((ObjectNode) d).remove("overdueSeconds"));
        return copy;
    }

    private static String row(
            int sequence,
            String event,
            String from,
            String to,
            String at,
            String actor,
            String onBehalfOf,
            String reason,
            String heldFor) {
        return sequence + " " + event + " " + from + " -> " + to + " at " + at + " by " + actor + " for " + onBehalfOf
                + " because '" + reason + "' held " + heldFor;
    }

    private static String decision(
            int sequence,
            String kind,
            String actor,
            String outcome,
            String reasons,
            String amount,
            String tookPart,
            String toldBy) {
        return sequence + " " + kind + " by " + actor + " outcome " + outcome + " because '" + reasons + "' amount "
                + amount + " person took part " + tookPart + " told by " + toldBy;
    }

    private static String holder(JsonNode holder) {
        return holder.get("party").asText()
                + (holder.get("actorId").isNull()
                        ? ""
                        : "/" + holder.get("actorId").asText());
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }

    private static Instant timestamp(List<JsonNode> events, int sequence) {
        JsonNode event = events.get(sequence);
        assertThat(event.get("sequence").asInt()).isEqualTo(sequence);
        return Instant.parse(event.get("timestamp").asText());
    }

    /** When the act happened, as the event states it: the moment approval-service's answers use. */
    private static Instant occurredAt(List<JsonNode> events, int sequence) {
        timestamp(events, sequence);
        return occurredAt(events.get(sequence));
    }

    private static Instant occurredAt(JsonNode event) {
        return Instant.parse(event.get("payload").get("act").get("occurredAt").asText());
    }

    private static long secondsBetween(List<JsonNode> events, int earlier, int later) {
        return Duration.between(micros(occurredAt(events, earlier)), micros(occurredAt(events, later)))
                .getSeconds();
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    private static List<Integer> ints(JsonNode node, String... fields) {
        List<Integer> values = new ArrayList<>();
        for (String field : fields) {
            values.add(node.get(field).asInt());
        }
        return values;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
