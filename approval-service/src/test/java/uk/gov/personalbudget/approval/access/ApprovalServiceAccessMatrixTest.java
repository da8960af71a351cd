package uk.gov.personalbudget.approval.access;

import uk.gov.personalbudget.testsupport.AccessMatrix;
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
import uk.gov.personalbudget.approval.replay.Replay;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * docs/security.md's access matrix, checked against approval-service: every role at every endpoint, in every
 * representation the endpoint offers (JSON and CSV). A cell that allows must be allowed (2xx); a cell that
 * refuses must be a 403 problem that changes nothing; a conditional cell is tried on both sides.
 */
class ApprovalServiceAccessMatrixTest extends ServedOverHttp {

    private static final String SERVICE = "approval-service";
    private static final String RANGE = "?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

    /** Replays are kept in the database, so one serves every read of a replay. */
    private static UUID finishedReplay;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    static Stream<Arguments> cells() {
        return AccessMatrix.rows(SERVICE).stream().flatMap(row -> Arrays.stream(Role.values())
                .map(role -> Arguments.of(row.endpoint(), role, row.cells().get(role))));
    }

    @Test
    void theMatrixListsEveryEndpointOfTheServiceAndNoOther() {
        Set<String> inTable = AccessMatrix.rows(SERVICE).stream().map(AccessMatrix.Row::endpoint)
                .collect(Collectors.toSet());

        assertThat(ours().flatMap(ApprovalServiceAccessMatrixTest::endpoints).collect(Collectors.toSet()))
                .as("endpoints in the code (left) and in docs/security.md (right)")
                .containsExactlyInAnyOrderElementsOf(inTable);
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void theServiceDoesWhatTheCellSays(String endpoint, Role role, String cell) {
        Caller usual = Caller.usual(role);
        switch (cell) {
            case "yes" -> allowed(endpoint, usual);
            case "no" -> refused(endpoint, usual);
            case "own" -> {
                allowed(endpoint, usual);
                refused(endpoint, switch (role) {
                    case PERSON -> Caller.OTHER_PERSON;
                    case NOMINEE -> Caller.OTHER_PERSONS_NOMINEE;
                    default -> fail("the cell 'own' means nothing for %s", role);
                });
            }
            case "caseload" -> {
                if (role != Role.PRACTITIONER) {
                    fail("the cell 'caseload' means nothing for %s", role);
                }
                allowed(endpoint, usual);
                refused(endpoint, Caller.OTHER_PRACTITIONER);
            }
            default -> fail("no check for the cell '%s' in %s", cell, SERVICE);
        }
    }

    private void allowed(String endpoint, Caller caller) {
        for (String accept : representations(endpoint)) {
            Answer answer = http().call(method(endpoint), path(endpoint), caller, accept);
            assertThat(answer.status()).as("%s (%s) as %s (%s) should be allowed: %s", endpoint, accept,
                    caller.sub(), caller.role(), answer).isBetween(200, 299);
            if (endpoint.equals("POST /api/v1/replays")) {
                awaitCompleted(UUID.fromString(answer.json().get("id").asText()));
            }
        }
    }

    private void refused(String endpoint, Caller caller) {
        String path = path(endpoint);
        for (String accept : representations(endpoint)) {
            int generation = store.currentGeneration();
            Answer answer = http().call(method(endpoint), path, caller, accept);
            String what = endpoint + " (" + accept + ") as " + caller.sub() + " (" + caller.role()
                    + ") should be refused: " + answer;
            assertThat(answer.status()).as(what).isEqualTo(403);
            assertThat(answer.isProblem()).as(what).isTrue();
            assertThat(answer.json().path("status").intValue()).as(what).isEqualTo(403);
            assertThat(answer.json().path("type").asText()).as(what).startsWith("urn:personal-budget:problem:");
            assertThat(replays.inProgress()).as("a replay after: " + what).isEmpty();
            assertThat(store.currentGeneration()).as("the generation after: " + what).isEqualTo(generation);
        }
    }

    /** A path the endpoint answers, with person A's budget or a finished replay where it names one. */
    private String path(String endpoint) {
        String template = endpoint.substring(endpoint.indexOf(' ') + 1);
        return switch (endpoint) {
            case "GET /api/v1/approvals", "POST /api/v1/replays" -> template;
            case "GET /api/v1/budgets/{id}/control-trail", "GET /api/v1/budgets/{id}/decisions",
                 "GET /api/v1/budgets/{id}/state", "GET /api/v1/budgets/{id}/verification" ->
                    template.replace("{id}", budgetOfA());
            case "GET /api/v1/reports/control-summary" -> template + RANGE;
            case "GET /api/v1/replays/{id}" -> template.replace("{id}", finishedReplay().toString());
            default -> throw new IllegalStateException("the matrix test does not know how to call " + endpoint
                    + ": add it to path()");
        };
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
        await().atMost(Duration.ofSeconds(60)).until(() -> replays.find(replay)
                .map(found -> found.status() == Replay.Status.COMPLETED).orElse(false));
    }

    /** The media types the endpoint produces, or JSON when it does not say. */
    private List<String> representations(String endpoint) {
        List<String> produced = ours()
                .filter(mapping -> endpoints(mapping).anyMatch(endpoint::equals))
                .flatMap(mapping -> mapping.getProducesCondition().getProducibleMediaTypes().stream())
                .map(MediaType::toString)
                .distinct().toList();
        return produced.isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE) : produced;
    }

    private Stream<RequestMappingInfo> ours() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(handler -> isOurs(handler.getValue().getBeanType()))
                .map(Map.Entry::getKey);
    }

    private static Stream<String> endpoints(RequestMappingInfo mapping) {
        assertThat(mapping.getMethodsCondition().getMethods()).as("HTTP methods of %s", mapping).isNotEmpty();
        return mapping.getPatternValues().stream().flatMap(path -> mapping.getMethodsCondition().getMethods().stream()
                .map(method -> method.name() + " " + path));
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
