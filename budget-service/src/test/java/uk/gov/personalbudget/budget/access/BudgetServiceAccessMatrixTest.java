package uk.gov.personalbudget.budget.access;

import uk.gov.personalbudget.testsupport.AccessMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.personalbudget.budget.access.BudgetHttp.Answer;
import uk.gov.personalbudget.budget.web.Bodies;
import uk.gov.personalbudget.budget.web.Commands;
import uk.gov.personalbudget.budget.web.Party;
import uk.gov.personalbudget.budget.web.Stage;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static uk.gov.personalbudget.budget.access.BudgetHttp.BUDGETS;

/**
 * docs/security.md's access matrix, checked against budget-service: every role at every endpoint, with a
 * budget where the request is otherwise valid, so that only who sends it decides. A cell that allows must be
 * allowed (2xx); a cell that refuses must be a 403 problem that stores nothing; a conditional cell is tried
 * on both sides of its condition.
 */
class BudgetServiceAccessMatrixTest extends ServedOverHttp {

    private static final String SERVICE = "budget-service";
    /** Stages where the person has no offer yet, or no more budget: nobody can be named as a delegate there. */
    private static final Set<Stage> NO_DELEGATION = EnumSet.of(Stage.OPENED, Stage.ASSESSED, Stage.CLOSED);

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

        assertThat(endpointsInCode()).as("endpoints in the code (left) and in docs/security.md (right)")
                .containsExactlyInAnyOrderElementsOf(inTable);
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void theServiceDoesWhatTheCellSays(String endpoint, Role role, String cell) {
        Endpoint target = Endpoint.of(endpoint);
        Caller usual = usual(role);
        switch (cell) {
            case "yes" -> allowed(target, prepare(target, null), usual, target.body());
            case "no" -> {
                refused(target, prepare(target, null), usual, target.body());
                if ((role == Role.NOMINEE || role == Role.PRACTITIONER) && target.canName()) {
                    // Not even a delegation naming them opens it.
                    refused(target, prepare(target, usual), usual, target.body());
                }
            }
            case "own" -> {
                allowed(target, prepare(target, null), usual, target.body());
                refused(target, prepare(target, null), otherPersons(role), target.body());
            }
            case "named" -> {
                requireRole(cell, role, Role.NOMINEE, Role.PRACTITIONER);
                if (!target.canName()) {
                    fail("%s is at %s, where nobody can be named: the cell cannot hold", endpoint, target.stage());
                }
                allowed(target, prepare(target, usual), usual, target.body());
                Caller someoneElse = Caller.of(role == Role.NOMINEE ? Party.PRACTITIONER : Party.NOMINEE);
                refused(target, prepare(target, someoneElse), usual, target.body());
            }
            case "caseload" -> {
                requireRole(cell, role, Role.PRACTITIONER);
                allowed(target, prepare(target, null), usual, target.body());
                refused(target, prepare(target, null), Caller.OTHER_PRACTITIONER, target.body());
            }
            case "limit" -> {
                requireRole(cell, role, Role.AUTHORITY);
                allowed(target, prepare(target, null), usual, target.body());
                refused(target, prepare(target, null), Caller.of(Party.JUNIOR_AUTHORITY), target.body());
            }
            case "crisis" -> {
                requireRole(cell, role, Role.AUTHORITY);
                allowed(target, prepare(target, null), usual,
                        Bodies.delegation(Party.NOMINEE.sub, "NOMINEE", "CRISIS"));
                refused(target, prepare(target, null), usual,
                        Bodies.delegation(Party.NOMINEE.sub, "NOMINEE", "PREFERENCE"));
            }
            case "self" -> {
                requireRole(cell, role, Role.PERSON);
                allowed(target, prepare(target, null), usual, Bodies.assessment("SELF"));
                refused(target, prepare(target, null), usual, Bodies.assessment("CO_PRODUCED"));
                refused(target, prepare(target, null), otherPersons(role), Bodies.assessment("SELF"));
            }
            case "agreement" -> {
                requireRole(cell, role, Role.PRACTITIONER);
                allowed(target, prepare(target, null), usual,
                        Bodies.with(Bodies.plan(), "personAgreement", "\"Agreed with the person on 20 November\""));
                refused(target, prepare(target, null), usual, Bodies.plan());
            }
            default -> fail("no check for the cell '%s'", cell);
        }
    }

    /** The budget (and its person) a request goes to; none for opening. */
    private record Prepared(String budget, String person) {
    }

    /**
     * A fresh budget at the endpoint's stage (none for opening), with control delegated by the person to
     * {@code delegate} when not null. An endpoint for a person gets a person of its own.
     */
    private Prepared prepare(Endpoint target, Caller delegate) {
        if (target.stage() == null) {
            return null;
        }
        if (target.forAPerson()) {
            String person = "P-" + UUID.randomUUID();
            return new Prepared(http().budgetAt(target.stage(), person), person);
        }
        if (delegate == null) {
            return new Prepared(http().budgetAt(target.stage()), Party.PERSON_REF);
        }
        // A delegated stage is made again with the delegate asked for.
        String id = http().budgetAt(target.stage() == Stage.DELEGATED ? Stage.ACTIVE : target.stage());
        Answer delegated = http().command(id, "delegate-control", Caller.of(Party.PERSON),
                Bodies.delegation(delegate.sub(), delegate.role().name(), "FLUCTUATING_CAPACITY"));
        assertThat(delegated.status()).as("delegating to %s: %s", delegate.sub(), delegated).isEqualTo(200);
        return new Prepared(id, Party.PERSON_REF);
    }

    private void allowed(Endpoint target, Prepared prepared, Caller caller, String body) {
        Answer answer = http().call(target.method(), target.path(prepared), caller, body);
        assertThat(answer.status()).as("%s as %s (%s) should be allowed: %s", target, caller.sub(), caller.role(),
                answer).isBetween(200, 299);
    }

    private void refused(Endpoint target, Prepared prepared, Caller caller, String body) {
        long before = storedEvents();
        String viewBefore = prepared == null ? null : http().view(prepared.budget());
        Answer answer = http().call(target.method(), target.path(prepared), caller, body);
        String what = target + " as " + caller.sub() + " (" + caller.role() + ") should be refused: " + answer;
        assertThat(answer.status()).as(what).isEqualTo(403);
        assertThat(answer.isProblem()).as(what).isTrue();
        assertThat(answer.json().path("status").intValue()).as(what).isEqualTo(403);
        assertThat(answer.json().path("type").asText()).as(what).startsWith("urn:personal-budget:problem:");
        assertThat(storedEvents()).as("events stored after: " + what).isEqualTo(before);
        if (prepared != null) {
            // Also what no event shows: an erasure, say.
            assertThat(http().view(prepared.budget())).as("the budget after: " + what).isEqualTo(viewBefore);
        }
    }

    private static Caller usual(Role role) {
        return Caller.of(switch (role) {
            case PERSON -> Party.PERSON;
            case NOMINEE -> Party.NOMINEE;
            case PRACTITIONER -> Party.PRACTITIONER;
            case AUTHORITY -> Party.AUTHORITY;
            case AUDITOR -> Party.AUDITOR;
            case SYSTEM -> Party.SYSTEM;
        });
    }

    /** Person B, or B's nominee, at person A's budget. */
    private static Caller otherPersons(Role role) {
        requireRole("own", role, Role.PERSON, Role.NOMINEE);
        return Caller.of(role == Role.PERSON ? Party.OTHER_PERSON : Party.OTHER_PERSONS_NOMINEE);
    }

    private static void requireRole(String cell, Role role, Role... roles) {
        if (!Arrays.asList(roles).contains(role)) {
            fail("the cell '%s' means nothing for %s (only for %s)", cell, role, Arrays.toString(roles));
        }
    }

    private Set<String> endpointsInCode() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(handler -> isOurs(handler.getValue().getBeanType()))
                .flatMap(handler -> endpoints(handler.getKey()))
                .collect(Collectors.toSet());
    }

    private static Stream<String> endpoints(RequestMappingInfo mapping) {
        assertThat(mapping.getMethodsCondition().getMethods()).as("HTTP methods of %s", mapping).isNotEmpty();
        return mapping.getPatternValues().stream().flatMap(path -> mapping.getMethodsCondition().getMethods().stream()
                .map(method -> method.name() + " " + path));
    }

    /** How to call one endpoint: where its budget must be and the body that is valid there. */
    private record Endpoint(String method, String template, Stage stage, String body) {

        static Endpoint of(String endpoint) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (endpoint.equals("POST " + BUDGETS)) {
                return new Endpoint(method, template, null, Bodies.opening());
            }
            if (endpoint.startsWith("GET " + BUDGETS + "/{id}")) {
                return new Endpoint(method, template, Stage.OPENED, null);
            }
            String command = "POST " + BUDGETS + "/{id}/";
            if (endpoint.startsWith(command)) {
                Commands.CommandCase row = Commands.named(endpoint.substring(command.length()));
                return new Endpoint(method, template, row.at(), row.validBody());
            }
            if (endpoint.equals("POST /api/v1/persons/{ref}/erasure")) {
                // A person of their own, assessed, so that their budget holds personal data to erase.
                return new Endpoint(method, template, Stage.ASSESSED, null);
            }
            throw new IllegalStateException("the matrix test does not know how to call " + endpoint
                    + ": add it to Endpoint.of");
        }

        boolean forAPerson() {
            return template.contains("{ref}");
        }

        String path(Prepared prepared) {
            return prepared == null ? template
                    : template.replace("{id}", prepared.budget()).replace("{ref}", prepared.person());
        }

        boolean canName() {
            return stage != null && !forAPerson() && !NO_DELEGATION.contains(stage);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Our controllers, not the error page (which answers only what the container forwards to it). */
    private static boolean isOurs(Class<?> controller) {
        return controller.getPackageName().startsWith("uk.gov.personalbudget")
                && !ErrorController.class.isAssignableFrom(controller);
    }
}
