package uk.gov.personalbudget.approval.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who reads which budget's control trail and decisions, and in which shapes. */
class BudgetHistoryApiTest extends InMemoryApprovalServiceTest {

    private static final PersonReference OTHER_PERSON = new PersonReference("P-2002");
    private static final String RETURN_REASONS = "Say which goal the £30 \"gym\" pass serves,\nplease";

    private static final Instant FIRST_INTENDED_END = LifecycleEvents.START.plus(Duration.ofDays(30));
    private static final Instant FIRST_HANDED_BACK = LifecycleEvents.START.plus(Duration.ofDays(33));

    /**
     * Sam's full life, a returned plan whose reasons test CSV quoting, Sam's budget with a delegation to his
     * sister in force past its intended end, and Sam's budget with two delegations handed back, the first three
     * days late and the second early; published once for the class.
     */
    private static String sams;

    private static String returned;
    private static String delegated;
    private static String overran;
    /** Sam's budget whose approved amount he challenged, answered after five days, then a reduction he challenged. */
    private static String challenged;

    @BeforeEach
    void budgets() {
        if (sams == null) {
            sams = "PB-" + UUID.randomUUID();
            returned = "PB-" + UUID.randomUUID();
            delegated = "PB-" + UUID.randomUUID();
            overran = "PB-" + UUID.randomUUID();
            challenged = "PB-" + UUID.randomUUID();
            List<EventEnvelope> all =
                    new ArrayList<>(LifecycleEvents.fullLifecycle(sams).envelopes());
            all.addAll(LifecycleEvents.budget(returned, LifecycleEvents.START, OTHER_PERSON, "sw-3002")
                    .opened()
                    .assessed()
                    .offered(1_000_000)
                    .accepted()
                    .submitted(1_000_000)
                    .returned(RETURN_REASONS)
                    .envelopes());
            all.addAll(LifecycleEvents.budget(delegated)
                    .opened()
                    .assessed()
                    .offered(1_000_000)
                    .delegated(
                            LifecycleEvents.NOMINEE,
                            Role.NOMINEE,
                            LifecycleEvents.START.plus(Duration.ofDays(60)),
                            "In hospital")
                    .envelopes());
            all.addAll(LifecycleEvents.budget(overran)
                    .opened()
                    .assessed()
                    .offered(1_000_000)
                    .accepted()
                    .at(LifecycleEvents.START.plus(Duration.ofDays(15)))
                    .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, FIRST_INTENDED_END, "In hospital")
                    .at(FIRST_HANDED_BACK)
                    .resumed("Home three days later than planned")
                    .at(LifecycleEvents.START.plus(Duration.ofDays(35)))
                    .delegated(
                            LifecycleEvents.PRACTITIONER,
                            Role.PRACTITIONER,
                            LifecycleEvents.START.plus(Duration.ofDays(60)),
                            "Back in hospital")
                    .at(LifecycleEvents.START.plus(Duration.ofDays(45)))
                    .resumed("Home early")
                    .envelopes());
            all.addAll(LifecycleEvents.budget(challenged)
                    .opened()
                    .assessed(PreferredControl.SHARE_IT)
                    .offered(1_000_000)
                    .accepted()
                    .submitted(1_000_000)
                    .endorsed("Fine")
                    .approved()
                    .managementChosen(ManagementOption.DIRECT_PAYMENT)
                    .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-2026-0042", "Too little for the evenings")
                    .after(Duration.ofDays(5))
                    .challengeAnswered(
                            ChallengedDecision.APPROVED_AMOUNT, ChallengeResult.NOT_UPHELD, "The cafe covers it", null)
                    .adjusted(800_000, "Fewer hours", null)
                    .challenged(ChallengedDecision.REDUCTION, "CMP-2026-0043", "The cut was not explained")
                    .envelopes());
            publishAndAwait(all);
        }
    }

    @Test
    void theTrailListsTheChallengesBesideTheTransfersAndThePersonReadsThem() throws Exception {
        get(trailPath(challenged), tokens.person(LifecycleEvents.PERSON_REF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges.length()").value(2))
                .andExpect(jsonPath("$.challenges[0].decision").value("APPROVED_AMOUNT"))
                .andExpect(jsonPath("$.challenges[0].complaintReference").value("CMP-2026-0042"))
                .andExpect(jsonPath("$.challenges[0].challengedBy").value(LifecycleEvents.PERSON))
                .andExpect(jsonPath("$.challenges[0].result").value("NOT_UPHELD"))
                .andExpect(jsonPath("$.challenges[0].waitedSeconds")
                        .value(Duration.ofDays(5).toSeconds()))
                .andExpect(jsonPath("$.challenges[1].decision").value("REDUCTION"))
                .andExpect(jsonPath("$.challenges[1].answerSequence").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.transfers[?(@.event == 'DecisionChallenged')]")
                        .isEmpty());
        get(decisionsPath(challenged), tokens.auditor())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[?(@.kind == 'CHALLENGE')].reasons")
                        .value(org.hamcrest.Matchers.hasItem("Too little for the evenings")))
                .andExpect(jsonPath("$.decisions[?(@.kind == 'CHALLENGE_ANSWER')].outcome")
                        .value(org.hamcrest.Matchers.contains("NOT_UPHELD")))
                .andExpect(jsonPath("$.decisions[?(@.kind == 'PREFERRED_CONTROL')].outcome")
                        .value(org.hamcrest.Matchers.contains("SHARE_IT")));
    }

    @Test
    void auditorsAndTheAuthorityReadEveryBudget() throws Exception {
        for (String token : List.of(tokens.auditor(), tokens.authority())) {
            for (String budget : List.of(sams, returned)) {
                get(trailPath(budget), token)
                        .andExpect(status().isOk())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                        .andExpect(jsonPath("$.budgetId").value(budget))
                        .andExpect(jsonPath("$.rebuildInProgress").value(false));
                get(decisionsPath(budget), token)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.budgetId").value(budget));
            }
        }
    }

    @Test
    void everyReaderOfTheTrailSeesWhichDelegationsRanPastTheirIntendedEndAsTheReportCountsThem() throws Exception {
        String sam = tokens.person(LifecycleEvents.PERSON_REF);
        get("/api/v1/reports/control-summary?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", sam)
                .andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
        long lateDelegation = controlTrail(overran).stream()
                .filter(t -> t.event().equals("ControlDelegated"))
                .findFirst()
                .orElseThrow()
                .sequence();

        JsonNode seenBySam = json(get(trailPath(overran), sam)
                        .andExpect(status().isOk())
                        .andReturn())
                .get("overdueDelegations");
        JsonNode seenByAuditor = json(get(trailPath(overran), tokens.auditor())
                        .andExpect(status().isOk())
                        .andReturn())
                .get("overdueDelegations");

        assertThat(seenBySam).isEqualTo(seenByAuditor).hasSize(1);
        JsonNode late = seenBySam.get(0);
        assertThat(late.get("sequence").asLong()).isEqualTo(lateDelegation);
        assertThat(late.get("delegateId").asText()).isEqualTo(LifecycleEvents.NOMINEE);
        assertThat(late.get("delegateRole").asText()).isEqualTo("NOMINEE");
        assertThat(Instant.parse(late.get("intendedEnd").asText())).isEqualTo(FIRST_INTENDED_END);
        assertThat(Instant.parse(late.get("endedAt").asText())).isEqualTo(FIRST_HANDED_BACK);
        assertThat(late.get("endedBy").asText()).isEqualTo("RESUMED");
        assertThat(late.get("overdueSeconds").asLong())
                .isEqualTo(Duration.ofDays(3).toSeconds());

        // The report of the year, which only the authority and auditors read, lists the same overrun.
        JsonNode report = json(get(
                        "/api/v1/reports/control-summary?from=2026-01-01T00:00:00Z" + "&to=2027-01-01T00:00:00Z",
                        tokens.auditor())
                .andExpect(status().isOk())
                .andReturn());
        List<JsonNode> reported = new ArrayList<>();
        report.at("/overall/overdueDelegations/delegations").forEach(d -> {
            if (d.get("budgetId").asText().equals(overran)) {
                reported.add(d);
            }
        });
        assertThat(reported).containsExactly(late);
    }

    @Test
    void aDelegationStillInForcePastItsIntendedEndIsOverdueUntilNow() throws Exception {
        Instant before = Instant.now();
        JsonNode overdue = json(get(
                                trailPath(delegated),
                                tokens.nominee(LifecycleEvents.NOMINEE, LifecycleEvents.PERSON_REF))
                        .andExpect(status().isOk())
                        .andReturn())
                .get("overdueDelegations");
        Instant after = Instant.now();

        Instant intendedEnd = LifecycleEvents.START.plus(Duration.ofDays(60));
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("endedAt").isNull()).isTrue();
        assertThat(overdue.get(0).get("endedBy").isNull()).isTrue();
        assertThat(overdue.get(0).get("overdueSeconds").asLong())
                .isBetween(
                        Duration.between(intendedEnd, before).toSeconds(),
                        Duration.between(intendedEnd, after).toSeconds());
    }

    @Test
    void aDelegationHandedBackByItsIntendedEndIsNotOverdue() throws Exception {
        get(trailPath(sams), tokens.auditor())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdueDelegations").isEmpty());
    }

    @Test
    void aPractitionerReadsOnlyTheBudgetsAllocatedToThem() throws Exception {
        String allocated = tokens.practitioner(LifecycleEvents.PRACTITIONER);
        get(trailPath(sams), allocated).andExpect(status().isOk());
        get(decisionsPath(sams), allocated).andExpect(status().isOk());

        get(trailPath(returned), allocated).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(decisionsPath(returned), allocated).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(trailPath(returned), tokens.practitioner("sw-3002")).andExpect(status().isOk());
    }

    @Test
    void aPersonReadsOnlyTheirOwnBudgetsAndANomineeOnlyWhileNamed() throws Exception {
        String sam = tokens.person(LifecycleEvents.PERSON_REF);
        get(trailPath(sams), sam).andExpect(status().isOk());
        get(decisionsPath(sams), sam).andExpect(status().isOk());
        get(trailPath(returned), sam).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(decisionsPath(returned), sam).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(trailPath(returned), tokens.person(OTHER_PERSON)).andExpect(status().isOk());

        // Sam's sister handed control back, and his authorised person's appointment ended: neither is named now.
        for (String formerlyNamed : List.of(LifecycleEvents.NOMINEE, LifecycleEvents.AUTHORISED_PERSON)) {
            get(trailPath(sams), tokens.nominee(formerlyNamed, LifecycleEvents.PERSON_REF))
                    .andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        }
        get(trailPath(delegated), tokens.nominee(LifecycleEvents.NOMINEE, LifecycleEvents.PERSON_REF))
                .andExpect(status().isOk());
        get(trailPath(delegated), tokens.nominee(LifecycleEvents.NOMINEE, null)).andExpect(status().isOk());
        get(trailPath(delegated), tokens.nominee("nominee-9", LifecycleEvents.PERSON_REF))
                .andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
    }

    @Test
    void aCallerOfAnotherCouncilGetsExactlyTheAnswerOfABudgetThatDoesNotExist() throws Exception {
        var bristol = tokens.inCouncil(TokenHolder.OTHER_COUNCIL);
        String unknown = "PB-" + UUID.randomUUID();
        for (String token : List.of(
                bristol.authority(),
                bristol.auditor(),
                bristol.practitioner(LifecycleEvents.PRACTITIONER),
                bristol.person(LifecycleEvents.PERSON_REF))) {
            for (MediaType accept : List.of(MediaType.APPLICATION_JSON, csv())) {
                for (String path : List.of(trailPath(sams), decisionsPath(sams))) {
                    MockHttpServletResponse hidden = get(path, token, accept)
                            .andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"))
                            .andReturn()
                            .getResponse();
                    MockHttpServletResponse missing = get(path.replace(sams, unknown), token, accept)
                            .andReturn()
                            .getResponse();
                    assertThat(hidden.getStatus()).isEqualTo(missing.getStatus());
                    assertThat(hidden.getHeaderNames()).containsExactlyInAnyOrderElementsOf(missing.getHeaderNames());
                    assertThat(hidden.getContentType()).isEqualTo(missing.getContentType());
                    assertThat(hidden.getContentAsString().replace(sams, unknown))
                            .isEqualTo(missing.getContentAsString());
                    assertThat(hidden.getContentAsString())
                            .doesNotContain(
                                    LifecycleEvents.PERSON_REF.value(),
                                    "Sam",
                                    LifecycleEvents.PRACTITIONER,
                                    LifecycleEvents.LOCAL_AUTHORITY);
                }
            }
        }
    }

    @Test
    void aSystemReadsNoTrail() throws Exception {
        get(trailPath(sams), tokens.system()).andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
        get(decisionsPath(sams), tokens.system()).andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
    }

    @Test
    void aBudgetApprovalServiceHasNoEventOfIsNotFound() throws Exception {
        String unknown = "PB-" + UUID.randomUUID();
        get(trailPath(unknown), tokens.auditor()).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(decisionsPath(unknown), tokens.authority()).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(trailPath(unknown), tokens.auditor(), csv()).andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
    }

    @Test
    void aBudgetIdThatCannotBeOneIsABadRequest() throws Exception {
        get("/api/v1/budgets/not a budget!/control-trail", tokens.auditor())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"))
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void everyRequestNeedsAValidToken() throws Exception {
        getWithoutToken(trailPath(sams))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "missing-token"))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        for (String forged : List.of(
                tokens.signedByAnotherKey(Role.AUDITOR),
                tokens.fromAnotherIssuer(Role.AUDITOR),
                tokens.expired(Role.AUDITOR),
                "not.a.jwt")) {
            get(trailPath(sams), forged).andExpect(problem(HttpStatus.UNAUTHORIZED, "invalid-token"));
        }
        // A PERSON token must name its person.
        get(trailPath(sams), tokens.token("p-1", Role.PERSON, null))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "invalid-token"));
    }

    @Test
    void theTrailAsCsvHasAHeaderRowAndOneRowPerTransfer() throws Exception {
        List<ControlTrailEntry> trail = controlTrail(sams);
        MvcResult result = get(trailPath(sams), tokens.auditor(), csv())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body.lines().findFirst())
                .contains("budgetId,sequence,fromParty,fromActor,toParty,toActor,at,"
                        + "event,actor,actorRole,onBehalfOf,reason,heldForSeconds");
        List<Map<String, String>> rows = rows(body);
        assertThat(rows).hasSize(trail.size()).hasSize(20);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            ControlTrailEntry entry = trail.get(i);
            assertThat(row)
                    .containsEntry("budgetId", sams)
                    .containsEntry("sequence", Long.toString(entry.sequence()))
                    .containsEntry("fromParty", entry.from().party().name())
                    .containsEntry(
                            "fromActor",
                            entry.from().actorId() == null ? "" : entry.from().actorId())
                    .containsEntry("toParty", entry.to().party().name())
                    .containsEntry(
                            "toActor",
                            entry.to().actorId() == null ? "" : entry.to().actorId())
                    .containsEntry("at", entry.at().toString())
                    .containsEntry("event", entry.event())
                    .containsEntry("actor", entry.actor())
                    .containsEntry("actorRole", entry.actorRole().name())
                    .containsEntry("onBehalfOf", "")
                    .containsEntry("reason", entry.reason() == null ? "" : entry.reason())
                    .containsEntry(
                            "heldForSeconds",
                            entry.heldForSeconds() == null ? "" : Long.toString(entry.heldForSeconds()));
        }
        assertThat(rows.get(14))
                .containsEntry("event", "ControlResumed")
                .containsEntry("fromParty", "NOMINEE")
                .containsEntry("fromActor", LifecycleEvents.NOMINEE);
    }

    @Test
    void theDecisionsAsCsvHaveAHeaderRowAndOneRowPerDecision() throws Exception {
        List<Decision> decisions = decisions(sams);
        String body = get(decisionsPath(sams), tokens.authority(), csv())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body.lines().findFirst())
                .contains(
                        "budgetId,sequence,kind,at,actor,actorRole,onBehalfOf,outcome,"
                                + "reasons,detail,amountPence,amountPeriod,personTookPart,personToldBy,personStatementAdded,waitedSeconds");
        List<Map<String, String>> rows = rows(body);
        assertThat(rows).hasSize(decisions.size()).hasSize(13);
        assertThat(rows)
                .extracting(row -> row.get("kind"))
                .containsExactlyElementsOf(decisions.stream()
                        .map(decision -> decision.kind().name())
                        .toList());
        assertThat(rows.get(6))
                .containsEntry("kind", "APPROVAL")
                .containsEntry("sequence", "14")
                .containsEntry("amountPence", "1350000")
                .containsEntry("amountPeriod", "YEARLY")
                .containsEntry("personTookPart", "true")
                .containsEntry("personStatementAdded", "false")
                .containsEntry("waitedSeconds", Long.toString(3 * 86_400));
        assertThat(rows.get(4))
                .containsEntry("kind", "DECLINE")
                .containsEntry("reasons", "The personal assistant agency is not registered")
                .containsEntry("personStatementAdded", "true");
    }

    @Test
    void csvKeepsReasonsExactlyAsWritten() throws Exception {
        String trailCsv = get(trailPath(returned), tokens.auditor(), csv())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String decisionsCsv = get(decisionsPath(returned), tokens.auditor(), csv())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(rows(trailCsv))
                .last()
                .satisfies(row ->
                        assertThat(row).containsEntry("event", "PlanReturned").containsEntry("reason", RETURN_REASONS));
        assertThat(rows(decisionsCsv))
                .last()
                .satisfies(row ->
                        assertThat(row).containsEntry("kind", "RETURN").containsEntry("reasons", RETURN_REASONS));
    }

    @Test
    void aCsvRequestThatIsRefusedGetsAProblemNotCsv() throws Exception {
        get(trailPath(returned), tokens.person(LifecycleEvents.PERSON_REF), csv())
                .andExpect(problem(HttpStatus.NOT_FOUND, "budget-not-found"));
        get(trailPath(sams), tokens.system(), csv()).andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
    }

    private static String trailPath(String budget) {
        return "/api/v1/budgets/" + budget + "/control-trail";
    }

    private static String decisionsPath(String budget) {
        return "/api/v1/budgets/" + budget + "/decisions";
    }

    private static MediaType csv() {
        return MediaType.parseMediaType("text/csv");
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return rows.readAll();
        }
    }
}
