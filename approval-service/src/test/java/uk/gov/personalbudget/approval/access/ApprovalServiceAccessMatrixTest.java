package uk.gov.personalbudget.approval.access;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.personalbudget.approval.access.ApprovalHttp.Answer;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.replay.Replay;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.access.BudgetAccessRule;
import uk.gov.personalbudget.contracts.access.Relationship;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.AccessMatrix;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static uk.gov.personalbudget.contracts.access.Relationship.ALLOCATED;
import static uk.gov.personalbudget.contracts.access.Relationship.NAMED_DELEGATE;
import static uk.gov.personalbudget.contracts.access.Relationship.OTHER_COUNCIL;
import static uk.gov.personalbudget.contracts.access.Relationship.OWN;
import static uk.gov.personalbudget.contracts.access.Relationship.SAME_COUNCIL;

/**
 * docs/security.md's access matrix, checked against approval-service: every role at every endpoint, in every
 * representation the endpoint offers (JSON and CSV), in every relationship to a budget that the role can have
 * (the contracts' {@link Relationship}: own, allocated, named delegate or authorised person, formerly named or
 * allocated, a stranger of the same council, a caller of another council).
 * <ul>
 *   <li>An endpoint of one budget answers a caller to whom {@link BudgetAccessRule#gives} nothing exactly as it
 *       answers an id no event has reached: 404 {@code budget-not-found}, same headers, same body but the id.</li>
 *   <li>Otherwise the role's cell decides: {@code yes} is a 2xx, {@code no} a 403 problem that changes nothing.
 *       The queue and the report show a caller of another council nothing of this council's budgets.</li>
 *   <li>No refusal holds a person reference, a practitioner's or delegate's id, or any text the budgets' events
 *       carry (each budget is seeded with text of its own); an allowed read of one budget holds none of the
 *       other's.</li>
 * </ul>
 * The number of cases tried is printed when the class ends.
 */
class ApprovalServiceAccessMatrixTest extends ServedOverHttp {

    private static final String SERVICE = "approval-service";
    private static final String RANGE = "?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
    /** Budgets A and B belong to the home council; this one is the other council the test deployment serves. */
    private static final String BRISTOL = TokenHolder.OTHER_COUNCIL;

    /**
     * Budget A: reallocated from one practitioner to another, contested and answered, delegated to a practitioner
     * and handed back, then delegated to a nominee (in force) with an authorised person appointed (in force); its
     * plan waits for the authority.
     */
    private static final Seed A = new Seed(
            "A",
            "P-MXA-7741",
            List.of(
                    "Contest reason only budget A holds: the evenings are missing",
                    "Revision reason only budget A holds: two evenings added",
                    "Reallocation reason only budget A holds: caseloads rebalanced",
                    "Delegation reason only budget A holds: Alex asked his GP to act",
                    "Resumption reason only budget A holds: Alex is well again",
                    "Second delegation only budget A holds: Alex asked his brother",
                    "MCA-A-SECRET-0042",
                    "Endorsement only budget A holds: co-produced with Alex"));
    /** Budget B: delegated to a nominee who handed control back, then to a practitioner (in force). */
    private static final Seed B = new Seed(
            "B",
            "P-MXB-7742",
            List.of(
                    "Contest reason only budget B holds: the weekends are missing",
                    "Revision reason only budget B holds: weekend support added",
                    "Delegation reason only budget B holds: Bea asked her sister",
                    "Resumption reason only budget B holds: Bea is home",
                    "Second delegation only budget B holds: Bea asked her social worker"));
    /** Text every budget's events carry (from {@link LifecycleEvents}): no refusal may hold it either. */
    private static final List<String> COMMON_TEXT = List.of(
            "Two eligible outcomes cannot be achieved",
            "Go back to the allotment",
            "Resource allocation system",
            "Personal assistant, 6 hours a week");

    private static final String A_FORMER_PRACTITIONER = "sw-mxa-former";
    private static final String A_PRACTITIONER = "sw-mxa-allocated";
    private static final String A_FORMER_PRACTITIONER_DELEGATE = "sw-mxa-former-delegate";
    private static final String A_NOMINEE_DELEGATE = "n-mxa-delegate";
    private static final String A_AUTHORISED_PERSON = "n-mxa-authorised";
    private static final String B_PRACTITIONER = "sw-mxb-allocated";
    private static final String B_FORMER_NOMINEE_DELEGATE = "n-mxb-former-delegate";
    private static final String B_PRACTITIONER_DELEGATE = "sw-mxb-delegate";
    private static final List<String> NAMES = List.of(
            A.person(),
            B.person(),
            A_FORMER_PRACTITIONER,
            A_PRACTITIONER,
            A_FORMER_PRACTITIONER_DELEGATE,
            A_NOMINEE_DELEGATE,
            A_AUTHORISED_PERSON,
            B_PRACTITIONER,
            B_FORMER_NOMINEE_DELEGATE,
            B_PRACTITIONER_DELEGATE);

    /** Every role and every relationship it can have to a budget, with a caller in it. */
    private static final List<Case> CASES = List.of(
            new Case("their own budget", Caller.home("p-mxa", Role.PERSON, A.person(), null), A, OWN),
            new Case("another person's budget", Caller.home("p-mxz", Role.PERSON, "P-MXZ-7749", null), A, SAME_COUNCIL),
            new Case(
                    "their own reference, at another council",
                    Caller.home("p-mxa", Role.PERSON, A.person(), null).inCouncil(BRISTOL),
                    A,
                    OTHER_COUNCIL),
            new Case(
                    "naming the person, named by no delegation",
                    Caller.home("n-mxa-family", Role.NOMINEE, A.person(), null),
                    A,
                    OWN),
            new Case(
                    "the delegate in force",
                    Caller.home(A_NOMINEE_DELEGATE, Role.NOMINEE, A.person(), null),
                    A,
                    NAMED_DELEGATE),
            new Case(
                    "the authorised person in force",
                    Caller.home(A_AUTHORISED_PERSON, Role.NOMINEE, null, null),
                    A,
                    NAMED_DELEGATE),
            new Case(
                    "a delegate who handed control back",
                    Caller.home(B_FORMER_NOMINEE_DELEGATE, Role.NOMINEE, B.person(), null),
                    B,
                    OWN),
            new Case(
                    "the delegate in force, with a token naming another person",
                    Caller.home(A_NOMINEE_DELEGATE, Role.NOMINEE, "P-MXZ-7749", null),
                    A,
                    SAME_COUNCIL),
            new Case("a stranger", Caller.home("n-mxz", Role.NOMINEE, "P-MXZ-7749", null), A, SAME_COUNCIL),
            new Case(
                    "the delegate in force, at another council",
                    Caller.home(A_NOMINEE_DELEGATE, Role.NOMINEE, A.person(), null)
                            .inCouncil(BRISTOL),
                    A,
                    OTHER_COUNCIL),
            new Case("their caseload", Caller.home(A_PRACTITIONER, Role.PRACTITIONER, null, null), A, ALLOCATED),
            new Case(
                    "the delegate in force",
                    Caller.home(B_PRACTITIONER_DELEGATE, Role.PRACTITIONER, null, null),
                    B,
                    NAMED_DELEGATE),
            new Case(
                    "the caseload the budget moved from",
                    Caller.home(A_FORMER_PRACTITIONER, Role.PRACTITIONER, null, null),
                    A,
                    SAME_COUNCIL),
            new Case(
                    "a delegate who handed control back",
                    Caller.home(A_FORMER_PRACTITIONER_DELEGATE, Role.PRACTITIONER, null, null),
                    A,
                    SAME_COUNCIL),
            new Case("a stranger", Caller.home("sw-mxz", Role.PRACTITIONER, null, null), A, SAME_COUNCIL),
            new Case(
                    "their caseload's id, at another council",
                    Caller.home(A_PRACTITIONER, Role.PRACTITIONER, null, null).inCouncil(BRISTOL),
                    A,
                    OTHER_COUNCIL),
            new Case("the council's", Caller.home("tm-mx", Role.AUTHORITY, null, 5_000_000L), A, SAME_COUNCIL),
            new Case(
                    "another council's",
                    Caller.home("tm-mx", Role.AUTHORITY, null, 5_000_000L).inCouncil(BRISTOL),
                    A,
                    OTHER_COUNCIL),
            new Case("the council's", Caller.home("aud-mx", Role.AUDITOR, null, null), A, SAME_COUNCIL),
            new Case(
                    "another council's",
                    Caller.home("aud-mx", Role.AUDITOR, null, null).inCouncil(BRISTOL),
                    A,
                    OTHER_COUNCIL),
            new Case("the council's", Caller.home("scheduler-mx", Role.SYSTEM, null, null), A, SAME_COUNCIL),
            new Case(
                    "another council's",
                    Caller.home("scheduler-mx", Role.SYSTEM, null, null).inCouncil(BRISTOL),
                    A,
                    OTHER_COUNCIL));

    private static final Map<String, String> BUDGET_IDS = new ConcurrentHashMap<>();
    private static final Set<String> TRIED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final Map<String, Integer> REFUSALS = new ConcurrentHashMap<>();

    /** Replays are kept in the database, so one serves every read of a replay. */
    private static UUID finishedReplay;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** A budget of the test, and text only its events carry. */
    record Seed(String name, String person, List<String> secrets) {

        String id() {
            return BUDGET_IDS.get(name);
        }
    }

    /** A caller standing in {@code relationship} to {@code budget}. */
    record Case(String label, Caller caller, Seed budget, Relationship relationship) {

        @Override
        public String toString() {
            return caller.sub() + " of " + caller.council() + " on budget " + budget.name();
        }
    }

    private enum Expected {
        HIDDEN,
        REFUSED,
        ALLOWED
    }

    static Stream<Arguments> attempts() {
        return AccessMatrix.rows(SERVICE).stream()
                .flatMap(row -> CASES.stream()
                        .map(c -> Arguments.of(
                                row.endpoint(),
                                c.caller().role(),
                                c.relationship(),
                                c.label(),
                                row.cells().get(c.caller().role()),
                                c)));
    }

    @AfterAll
    static void reportTheSize() {
        System.out.printf(
                "%s: %d cases (role x endpoint and representation x relationship to a budget) over %d"
                        + " roles, %d endpoints and %d callers, in %d requests (with the unknown ids compared);"
                        + " refusals by problem type: %s%n",
                ApprovalServiceAccessMatrixTest.class.getSimpleName(),
                TRIED.size(),
                Role.values().length,
                AccessMatrix.rows(SERVICE).size(),
                CASES.size(),
                REQUESTS.get(),
                new TreeMap<>(REFUSALS));
    }

    private static void countRefusal(Answer answer) {
        String type = answer.json().path("type").asText();
        REFUSALS.merge(answer.status() + " " + type.substring(type.lastIndexOf(':') + 1), 1, Integer::sum);
    }

    @Test
    void theMatrixListsEveryEndpointOfTheServiceAndNoOther() {
        Set<String> inTable = AccessMatrix.rows(SERVICE).stream()
                .map(AccessMatrix.Row::endpoint)
                .collect(Collectors.toSet());

        assertThat(ours().flatMap(ApprovalServiceAccessMatrixTest::endpoints).collect(Collectors.toSet()))
                .as("endpoints in the code (left) and in docs/security.md (right)")
                .containsExactlyInAnyOrderElementsOf(inTable);
    }

    @Test
    void everyRoleIsTriedInEveryRelationshipItCanHaveAndTheDocumentSaysWhatTheRuleDoes() {
        Map<Role, Set<Relationship>> tried = CASES.stream()
                .collect(Collectors.groupingBy(
                        c -> c.caller().role(), Collectors.mapping(Case::relationship, Collectors.toSet())));

        assertThat(tried)
                .containsOnlyKeys(Role.values())
                .containsEntry(Role.PERSON, Set.of(OWN, SAME_COUNCIL, OTHER_COUNCIL))
                .containsEntry(Role.NOMINEE, Set.of(OWN, NAMED_DELEGATE, SAME_COUNCIL, OTHER_COUNCIL))
                .containsEntry(Role.PRACTITIONER, Set.of(ALLOCATED, NAMED_DELEGATE, SAME_COUNCIL, OTHER_COUNCIL))
                .containsEntry(Role.AUTHORITY, Set.of(SAME_COUNCIL, OTHER_COUNCIL))
                .containsEntry(Role.AUDITOR, Set.of(SAME_COUNCIL, OTHER_COUNCIL))
                .containsEntry(Role.SYSTEM, Set.of(SAME_COUNCIL, OTHER_COUNCIL));
        for (Role role : Role.values()) {
            assertThat(tried.get(role))
                    .as("docs/security.md's relationships of %s", role)
                    .containsExactlyInAnyOrderElementsOf(AccessMatrix.relationshipsOf(role));
            for (Relationship relationship : AccessMatrix.relationshipsOf(role)) {
                assertThat(AccessMatrix.sees(role, relationship))
                        .as("%s, %s", role, relationship)
                        .contains(BudgetAccessRule.gives(role, relationship));
            }
        }
    }

    @ParameterizedTest(name = "{0} as {1}, {3} ({2}): {4}")
    @MethodSource("attempts")
    void theServiceAnswersAsTheRelationshipAndTheCellSay(
            String endpoint, Role role, Relationship relationship, String label, String cell, Case attempt) {
        seedBudgets();
        assertThat(BudgetAccessRule.relationship(
                        actor(attempt.caller()),
                        summaries.parties(new BudgetId(attempt.budget().id())).orElseThrow()))
                .as("how %s stands to budget %s", attempt, attempt.budget().name())
                .isEqualTo(relationship);
        Expected expected = expected(endpoint, role, relationship, cell);
        String path = path(endpoint, attempt.budget().id());
        for (String accept : representations(endpoint)) {
            TRIED.add(endpoint + " " + accept + " " + role + " " + label);
            String what = endpoint + " (" + accept + ") as " + attempt + ", " + label + " (" + relationship + ")";
            switch (expected) {
                case HIDDEN -> hidden(endpoint, path, attempt, accept, what);
                case REFUSED -> refused(endpoint, path, attempt, accept, what);
                case ALLOWED -> allowed(endpoint, path, attempt, accept, what);
            }
        }
    }

    /**
     * An endpoint of one budget first asks whether the caller may see the budget at all; every other endpoint
     * (and every caller who may see the budget) is held to the role's cell.
     */
    private static Expected expected(String endpoint, Role role, Relationship relationship, String cell) {
        if (isOfOneBudget(endpoint) && !BudgetAccessRule.gives(role, relationship)) {
            return Expected.HIDDEN;
        }
        return switch (cell) {
            case "yes" -> Expected.ALLOWED;
            case "no" -> Expected.REFUSED;
            default ->
                fail(
                        "the cell '%s' of %s means nothing in %s: its rows say yes or no, and the relationship "
                                + "to the budget decides the rest",
                        cell, endpoint, SERVICE);
        };
    }

    private void hidden(String endpoint, String path, Case attempt, String accept, String what) {
        Answer answer = call(endpoint, path, attempt, accept);
        String unknown = "PB-MX-UNKNOWN-" + UUID.randomUUID();
        Answer asUnknown = call(endpoint, path(endpoint, unknown), attempt, accept);

        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(404);
        assertThat(answer.isProblem()).as(what).isTrue();
        assertThat(answer.json().path("type").asText()).as(what).endsWith(":budget-not-found");
        assertThat(asUnknown.status()).as("an unknown id: " + asUnknown).isEqualTo(404);
        assertThat(answer.contentType()).as(what).isEqualTo(asUnknown.contentType());
        assertThat(answer.body().replace(attempt.budget().id(), unknown))
                .as(what)
                .isEqualTo(asUnknown.body());
        assertThat(withoutDate(answer.headers())).as(what).isEqualTo(withoutDate(asUnknown.headers()));
        revealsNothing(answer, what);
        countRefusal(answer);
    }

    private void refused(String endpoint, String path, Case attempt, String accept, String what) {
        int generation = generations.currentGeneration();
        Answer answer = call(endpoint, path, attempt, accept);

        assertThat(answer.status()).as(what + " should be refused: " + answer).isEqualTo(403);
        assertThat(answer.isProblem()).as(what).isTrue();
        assertThat(answer.json().path("status").intValue()).as(what).isEqualTo(403);
        assertThat(answer.json().path("type").asText()).as(what).startsWith("urn:personal-budget:problem:");
        assertThat(replays.inProgress()).as("a replay after: " + what).isEmpty();
        assertThat(generations.currentGeneration())
                .as("the generation after: " + what)
                .isEqualTo(generation);
        revealsNothing(answer, what);
        countRefusal(answer);
    }

    private void allowed(String endpoint, String path, Case attempt, String accept, String what) {
        Answer answer = call(endpoint, path, attempt, accept);
        assertThat(answer.status()).as(what + " should be allowed: " + answer).isBetween(200, 299);
        Seed other = attempt.budget() == A ? B : A;
        switch (endpoint) {
            case "GET /api/v1/budgets/{id}/control-trail", "GET /api/v1/budgets/{id}/decisions" -> {
                assertThat(attempt.budget().secrets())
                        .as("the budget's own text, in " + what)
                        .anyMatch(answer.body()::contains);
                assertThat(other.secrets())
                        .as("the other budget's text, in " + what)
                        .noneMatch(answer.body()::contains);
            }
            case "GET /api/v1/approvals", "GET /api/v1/reports/control-summary" -> {
                if (attempt.relationship() == OTHER_COUNCIL) {
                    revealsNothing(answer, what);
                    assertThat(answer.body()).as(what).doesNotContain(A.id(), B.id());
                } else {
                    assertThat(answer.body())
                            .as("this council's budget, in " + what)
                            .contains(A.id());
                    assertThat(secrets()).as(what).noneMatch(answer.body()::contains);
                }
            }
            case "GET /api/v1/reports/timeliness" -> {
                // It names the budgets whose duties went overdue, of the caller's council only.
                revealsNothing(answer, what);
                if (attempt.relationship() == OTHER_COUNCIL) {
                    assertThat(answer.body()).as(what).doesNotContain(A.id(), B.id());
                }
            }
            case "POST /api/v1/replays" -> {
                revealsNothing(answer, what);
                awaitCompleted(UUID.fromString(answer.json().get("id").asText()));
            }
            default -> revealsNothing(answer, what);
        }
    }

    private Answer call(String endpoint, String path, Case attempt, String accept) {
        REQUESTS.incrementAndGet();
        return http().call(method(endpoint), path, attempt.caller(), accept);
    }

    /** No person reference, practitioner or delegate id, nor any text of the budgets' events. */
    private static void revealsNothing(Answer answer, String what) {
        List<String> leaked = Stream.concat(NAMES.stream(), secrets().stream())
                .filter(answer.body()::contains)
                .toList();
        assertThat(leaked).as("what %s revealed: %s", what, answer).isEmpty();
    }

    private static List<String> secrets() {
        List<String> all = new ArrayList<>(A.secrets());
        all.addAll(B.secrets());
        all.addAll(COMMON_TEXT);
        return all;
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> !header.getKey().equalsIgnoreCase("date"))
                .collect(Collectors.toMap(header -> header.getKey().toLowerCase(), Map.Entry::getValue));
    }

    private static Actor actor(Caller caller) {
        return new Actor(
                caller.sub(),
                caller.role(),
                caller.person() == null ? null : new PersonReference(caller.person()),
                caller.authorisationLimit(),
                Set.of(caller.council()));
    }

    /** Budgets A and B, published once for the class. */
    private synchronized void seedBudgets() {
        if (A.id() != null) {
            return;
        }
        String a = "PB-MXA-" + UUID.randomUUID();
        String b = "PB-MXB-" + UUID.randomUUID();
        Instant start = LifecycleEvents.START;
        List<String> s = A.secrets();
        List<EventEnvelope> events = new ArrayList<>(LifecycleEvents.budget(
                        a, start, new PersonReference(A.person()), A_FORMER_PRACTITIONER)
                .opened()
                .reallocated(A_PRACTITIONER, s.get(2))
                .assessed()
                .offered(1_200_000)
                .contested(s.get(0), 1_400_000L)
                .revised(1_300_000, s.get(1))
                .accepted()
                .delegated(A_FORMER_PRACTITIONER_DELEGATE, Role.PRACTITIONER, start.plus(Duration.ofDays(30)), s.get(3))
                .resumed(s.get(4))
                .delegated(A_NOMINEE_DELEGATE, Role.NOMINEE, start.plus(Duration.ofDays(60)), s.get(5))
                .authorisedPersonAppointed(A_AUTHORISED_PERSON, s.get(6))
                .submitted(1_300_000)
                .endorsed(s.get(7))
                .envelopes());
        List<String> t = B.secrets();
        events.addAll(LifecycleEvents.budget(b, start, new PersonReference(B.person()), B_PRACTITIONER)
                .opened()
                .assessed()
                .offered(1_000_000)
                .contested(t.get(0), null)
                .revised(1_100_000, t.get(1))
                .delegated(B_FORMER_NOMINEE_DELEGATE, Role.NOMINEE, start.plus(Duration.ofDays(30)), t.get(2))
                .resumed(t.get(3))
                .delegated(B_PRACTITIONER_DELEGATE, Role.PRACTITIONER, start.plus(Duration.ofDays(60)), t.get(4))
                .envelopes());
        publishAndAwait(events);
        BUDGET_IDS.put(A.name(), a);
        BUDGET_IDS.put(B.name(), b);
    }

    /** A path the endpoint answers: the budget's where it names one, a finished replay where it names one. */
    private String path(String endpoint, String budget) {
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        return switch (endpoint) {
            case "GET /api/v1/approvals", "POST /api/v1/replays", "GET /api/v1/held-back-records" -> template;
            case "GET /api/v1/budgets/{id}/control-trail",
                    "GET /api/v1/budgets/{id}/decisions",
                    "GET /api/v1/budgets/{id}/state",
                    "GET /api/v1/budgets/{id}/verification" -> template.replace("{id}", budget);
            case "GET /api/v1/reports/control-summary",
                    "GET /api/v1/reports/outcomes",
                    "GET /api/v1/reports/co-production",
                    "GET /api/v1/reports/timeliness" -> template + RANGE;
            case "GET /api/v1/replays/{id}" ->
                template.replace("{id}", finishedReplay().toString());
            default ->
                throw new IllegalStateException(
                        "the matrix test does not know how to call " + endpoint + ": add it to path()");
        };
    }

    private static boolean isOfOneBudget(String endpoint) {
        return endpoint.contains("/budgets/{id}");
    }

    private synchronized UUID finishedReplay() {
        if (finishedReplay != null) {
            return finishedReplay;
        }
        Answer started = http().call("POST", "/api/v1/replays", Caller.AUDITOR, null);
        assertThat(started.status()).as("starting a replay: %s", started).isEqualTo(202);
        finishedReplay = UUID.fromString(started.json().get("id").asText());
        awaitCompleted(finishedReplay);
        return finishedReplay;
    }

    private void awaitCompleted(UUID replay) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> replays.find(replay)
                        .map(found -> found.status() == Replay.Status.COMPLETED)
                        .orElse(false));
    }

    /** The media types the endpoint produces, or JSON when it does not say. */
    private List<String> representations(String endpoint) {
        List<String> produced = ours().filter(mapping -> endpoints(mapping).anyMatch(endpoint::equals))
                .flatMap(mapping -> mapping.getProducesCondition().getProducibleMediaTypes().stream())
                .map(MediaType::toString)
                .distinct()
                .toList();
        return produced.isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE) : produced;
    }

    private Stream<RequestMappingInfo> ours() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(handler -> isOurs(handler.getValue().getBeanType()))
                .map(Map.Entry::getKey);
    }

    private static Stream<String> endpoints(RequestMappingInfo mapping) {
        assertThat(mapping.getMethodsCondition().getMethods())
                .as("HTTP methods of %s", mapping)
                .isNotEmpty();
        return mapping.getPatternValues().stream()
                .flatMap(path ->
                        mapping.getMethodsCondition().getMethods().stream().map(method -> method.name() + " " + path));
    }

    private static String method(String endpoint) {
        return endpoint.substring(0, endpoint.indexOf(' '));
    }

    /** Our controllers, not the error page (which answers only what the container forwards to it). */
    private static boolean isOurs(Class<?> controller) {
        return controller.getPackageName().startsWith("uk.gov.personalbudget")
                && !ErrorController.class.isAssignableFrom(controller);
    }
}
