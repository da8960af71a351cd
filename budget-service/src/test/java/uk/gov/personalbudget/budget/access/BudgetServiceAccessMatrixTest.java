package uk.gov.personalbudget.budget.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
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
import uk.gov.personalbudget.contracts.access.Relationship;
import uk.gov.personalbudget.contracts.command.AllowedRoles;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.CommandRoles;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.AccessMatrix;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
import static uk.gov.personalbudget.budget.access.BudgetHttp.BUDGETS;

/**
 * docs/security.md's access matrix, checked against budget-service: every role at every endpoint in every
 * relationship to the budget the relationship table gives that role, with budgets of one council and callers of it
 * and of another. A caller the relationship does not let see the budget must get exactly the answer an unknown id
 * gets; one who may see it is held to the endpoint's cell (a cell that allows must be allowed, one that refuses must
 * be a 403 problem that stores nothing; a conditional cell is tried on both sides of its condition). No refusal may
 * carry any of the budget's personal text.
 */
class BudgetServiceAccessMatrixTest extends ServedOverHttp {

    private static final String SERVICE = "budget-service";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stages where the person has no offer yet, or no more budget: nobody can be named as a delegate there. */
    private static final Set<Stage> NO_DELEGATION = EnumSet.of(Stage.OPENED, Stage.ASSESSED, Stage.CLOSED);
    /** A practitioner with no caseload here, whom a delegation names. */
    private static final Caller DELEGATE_PRACTITIONER =
            new Caller("pr-delegate", Role.PRACTITIONER, null, null, TokenHolder.HOME_COUNCIL);

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    static Stream<Arguments> cells() {
        return AccessMatrix.rows(SERVICE).stream()
                .flatMap(row -> Arrays.stream(Role.values())
                        .flatMap(role -> relationshipsAt(row.endpoint(), role).stream()
                                .map(relationship -> Arguments.of(
                                        row.endpoint(),
                                        role,
                                        relationship,
                                        row.cells().get(role)))));
    }

    /** The relationships a role can stand in at an endpoint: opening and erasing name no budget but a council. */
    private static List<Relationship> relationshipsAt(String endpoint, Role role) {
        Endpoint target = Endpoint.of(endpoint);
        if (target.stage() == null || target.forAPerson()) {
            return List.of(Relationship.SAME_COUNCIL, Relationship.OTHER_COUNCIL);
        }
        return AccessMatrix.relationshipsOf(role).stream()
                .filter(relationship -> relationship != Relationship.NAMED_DELEGATE || target.canName(role))
                .toList();
    }

    @AfterAll
    static void report() {
        System.out.printf(
                "budget-service access matrix: %d cases tried; refusals by problem type: %s%n",
                CASES.get(), new TreeMap<>(REFUSALS));
    }

    @Test
    void theMatrixListsEveryEndpointOfTheServiceAndNoOther() {
        Set<String> inTable = AccessMatrix.rows(SERVICE).stream()
                .map(AccessMatrix.Row::endpoint)
                .collect(Collectors.toSet());

        assertThat(endpointsInCode())
                .as("endpoints in the code (left) and in docs/security.md (right)")
                .containsExactlyInAnyOrderElementsOf(inTable);
    }

    /** The table's roles for a command are those the command itself allows ({@link AllowedRoles}). */
    @Test
    void eachCommandsRowGivesExactlyTheRolesItsCommandAllows() {
        List<AccessMatrix.Row> commands = AccessMatrix.rows(SERVICE).stream()
                .filter(row -> row.endpoint().startsWith("POST " + BUDGETS))
                .toList();
        assertThat(commands).hasSizeGreaterThan(20);
        for (AccessMatrix.Row row : commands) {
            String path = row.endpoint().substring(("POST " + BUDGETS).length());
            String name = path.isEmpty()
                    ? "OpenBudget"
                    : Arrays.stream(path.substring(path.lastIndexOf('/') + 1).split("-"))
                            .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                            .collect(Collectors.joining());
            Set<Role> inTable = EnumSet.noneOf(Role.class);
            row.cells().forEach((role, cell) -> {
                if (!cell.equals("no")) {
                    inTable.add(role);
                }
            });
            assertThat(inTable)
                    .as("the roles docs/security.md gives %s", row.endpoint())
                    .isEqualTo(CommandRoles.of(command(name)));
        }
    }

    private static Class<? extends BudgetCommand> command(String name) {
        try {
            return Class.forName(BudgetCommand.class.getPackageName() + "." + name)
                    .asSubclass(BudgetCommand.class);
        } catch (ClassNotFoundException noSuchCommand) {
            throw new AssertionError("no command " + name, noSuchCommand);
        }
    }

    @ParameterizedTest(name = "{0} as {1} ({2}): {3}")
    @MethodSource("cells")
    void theServiceDoesWhatTheMatrixSays(String endpoint, Role role, Relationship relationship, String cell) {
        CASES.incrementAndGet();
        Endpoint target = Endpoint.of(endpoint);
        if (target.stage() == null) {
            opening(target, role, relationship, cell);
        } else if (target.forAPerson()) {
            erasing(target, role, relationship, cell);
        } else if (!AccessMatrix.sees(role, relationship).orElseThrow()) {
            Caller caller = caller(role, relationship);
            // The nominee of another council is the very one the delegation names.
            boolean named = relationship == Relationship.OTHER_COUNCIL && role == Role.NOMINEE && target.canName(role);
            notFound(target, prepare(target, named ? caller : null), caller);
        } else {
            onAVisibleBudget(target, role, relationship, cell);
        }
    }

    private void onAVisibleBudget(Endpoint target, Role role, Relationship relationship, String cell) {
        Caller caller = caller(role, relationship);
        Caller named = relationship == Relationship.NAMED_DELEGATE ? caller : null;
        switch (cell) {
            case "yes" -> allowed(target, prepare(target, named), caller, target.body());
            case "no" -> refused(target, prepare(target, named), caller, target.body());
            case "named" -> {
                requireRole(cell, role, Role.NOMINEE, Role.PRACTITIONER);
                if (named != null) {
                    allowed(target, prepare(target, named), caller, target.body());
                } else {
                    refused(target, prepare(target, null), caller, target.body());
                }
            }
            case "self" -> {
                requireRole(cell, role, Role.PERSON);
                allowed(target, prepare(target, null), caller, Bodies.assessment("SELF"));
                refused(target, prepare(target, null), caller, Bodies.assessment("CO_PRODUCED"));
            }
            case "agreement" -> {
                requireRole(cell, role, Role.PRACTITIONER);
                if (named != null) {
                    allowed(target, prepare(target, named), caller, Bodies.plan());
                } else {
                    refused(
                            target,
                            prepare(target, null),
                            caller,
                            Bodies.with(
                                    Bodies.plan(),
                                    "agreement",
                                    "{\"notes\": \"Agreed with the person on 20 November\"}"));
                    allowed(
                            target,
                            prepare(target, null),
                            caller,
                            Bodies.with(Bodies.plan(), "agreement", Bodies.agreement()));
                }
            }
            case "limit" -> {
                requireRole(cell, role, Role.AUTHORITY);
                allowed(target, prepare(target, null), caller, target.body());
                refused(target, prepare(target, null), Caller.of(Party.JUNIOR_AUTHORITY), target.body());
            }
            case "crisis" -> {
                requireRole(cell, role, Role.AUTHORITY);
                allowed(
                        target,
                        prepare(target, null),
                        caller,
                        Bodies.delegation(Party.NOMINEE.sub, "NOMINEE", "CRISIS"));
                refused(
                        target,
                        prepare(target, null),
                        caller,
                        Bodies.delegation(Party.NOMINEE.sub, "NOMINEE", "PREFERENCE"));
            }
            default -> fail("no check for the cell '%s'", cell);
        }
    }

    /** Opening: a role that may open does so for its own council only. */
    private void opening(Endpoint target, Role role, Relationship relationship, String cell) {
        Caller caller = caller(role, relationship);
        boolean mayOpen = switch (cell) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalStateException("no check for the cell '" + cell + "' on opening");
        };
        if (mayOpen && relationship == Relationship.SAME_COUNCIL) {
            allowed(target, null, caller, target.body());
        } else {
            refused(target, null, caller, target.body());
        }
    }

    /**
     * Erasing: the authority of a council the person has a budget with; to another council the person is unknown, in
     * the very words of a reference never used.
     */
    private void erasing(Endpoint target, Role role, Relationship relationship, String cell) {
        Caller caller = caller(role, relationship);
        if (!cell.equals("yes")) {
            refused(target, prepare(target, null), caller, target.body());
        } else if (relationship == Relationship.SAME_COUNCIL) {
            allowed(target, prepare(target, null), caller, target.body());
        } else {
            Prepared prepared = prepare(target, null);
            String what = target + " as " + caller.sub() + " of another council";
            Answer answer = refusal(target, prepared, caller, target.body(), what);
            String unknown = "P-" + UUID.randomUUID();
            Answer neverUsed = http().call(
                            target.method(),
                            target.path(new Prepared(prepared.budget(), unknown, prepared.erasureRequest())),
                            caller,
                            target.body());
            assertThat(answer.status()).as(what + ": " + answer).isEqualTo(404);
            assertThat(answer.json().path("type").asText()).endsWith("person-not-found");
            assertThat(withoutInstance(answer.json()))
                    .as(what + ": as for a reference never used")
                    .isEqualTo(withoutInstance(JsonPaths.read(neverUsed.body().replace(unknown, prepared.person()))));
        }
    }

    /** A problem detail without the path it answered. */
    private static JsonNode withoutInstance(JsonNode problem) {
        return ((ObjectNode) problem.deepCopy()).without("instance");
    }

    /** Who stands in {@code relationship} to the budgets {@link #prepare} makes, for each role. */
    private static Caller caller(Role role, Relationship relationship) {
        Caller usual = Caller.of(
                switch (role) {
                    case PERSON -> Party.PERSON;
                    case NOMINEE -> Party.NOMINEE;
                    case PRACTITIONER -> Party.PRACTITIONER;
                    case AUTHORITY -> Party.AUTHORITY;
                    case AUDITOR -> Party.AUDITOR;
                    case SYSTEM -> Party.SYSTEM;
                });
        return switch (relationship) {
            case OWN -> role == Role.NOMINEE ? Caller.of(Party.OTHER_NOMINEE) : usual;
            case ALLOCATED -> usual;
            case NAMED_DELEGATE -> role == Role.PRACTITIONER ? DELEGATE_PRACTITIONER : usual;
            case SAME_COUNCIL ->
                switch (role) {
                    case PERSON -> Caller.of(Party.OTHER_PERSON);
                    case NOMINEE -> Caller.of(Party.OTHER_PERSONS_NOMINEE);
                    case PRACTITIONER -> Caller.of(Party.OTHER_PRACTITIONER);
                    default -> usual;
                };
            // The very caller who would see it (the person, the allocated practitioner, the named nominee), with a
            // token of the other council.
            case OTHER_COUNCIL -> usual.inCouncil(TokenHolder.OTHER_COUNCIL);
        };
    }

    /** The budget (and its person, and an erasure request of theirs) a request goes to; none for opening. */
    private record Prepared(String budget, String person, String erasureRequest) {

        Prepared(String budget, String person) {
            this(budget, person, null);
        }
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
            // A person of their own, whose only budget is closed, so that an erasure would succeed; a request to
            // read or confirm is made by another authority of the council than any caller below.
            String person = "P-" + UUID.randomUUID();
            String budget = http().closedBudgetOf(person);
            return new Prepared(
                    budget,
                    person,
                    target.template().contains("{requestId}")
                            ? http().erasureRequested(person, Caller.of(Party.JUNIOR_AUTHORITY))
                            : null);
        }
        if (delegate == null || !target.canName(delegate.role())) {
            return new Prepared(http().budgetAt(target.stage()), Party.PERSON_REF);
        }
        if (target.stage() == Stage.AUTHORISED) {
            // The authorisation already names the nominee; while it is in force the person delegates nothing.
            return new Prepared(http().budgetAt(target.stage()), Party.PERSON_REF);
        }
        // A delegated stage is made again with the delegate asked for.
        String id = http().budgetAt(target.stage() == Stage.DELEGATED ? Stage.ACTIVE : target.stage());
        Answer delegated = http().command(
                        id,
                        "delegate-control",
                        Caller.of(Party.PERSON),
                        Bodies.delegation(delegate.sub(), delegate.role().name(), "FLUCTUATING_CAPACITY"));
        assertThat(delegated.status())
                .as("delegating to %s: %s", delegate.sub(), delegated)
                .isEqualTo(200);
        return new Prepared(id, Party.PERSON_REF);
    }

    private void allowed(Endpoint target, Prepared prepared, Caller caller, String body) {
        Answer answer = http().call(target.method(), target.path(prepared), caller, body);
        assertThat(answer.status())
                .as(
                        "%s as %s (%s, %s) should be allowed: %s",
                        target, caller.sub(), caller.role(), caller.council(), answer)
                .isBetween(200, 299);
    }

    private void refused(Endpoint target, Prepared prepared, Caller caller, String body) {
        String what = target + " as " + caller.sub() + " (" + caller.role() + ", " + caller.council() + ")";
        Answer answer = refusal(target, prepared, caller, body, what);
        assertThat(answer.status()).as(what + " should be refused: " + answer).isEqualTo(403);
    }

    /** Told the budget does not exist, word for word as an id never used, and shown nothing of it. */
    private void notFound(Endpoint target, Prepared prepared, Caller caller) {
        String what = target + " as " + caller.sub() + " (" + caller.role() + ", " + caller.council() + ")";
        Answer answer = refusal(target, prepared, caller, target.body(), what);
        String unknown = "PB-" + UUID.randomUUID();
        Answer neverUsed = http().call(
                        target.method(),
                        target.path(new Prepared(unknown, prepared.person())),
                        Caller.of(Party.AUTHORITY),
                        target.body());
        assertThat(answer.status())
                .as(what + " should not find the budget: " + answer)
                .isEqualTo(404);
        assertThat(answer.body())
                .as(what + ": as for an unknown id")
                .isEqualTo(neverUsed.body().replace(unknown, prepared.budget()));
    }

    /** A problem detail that stores nothing, changes nothing, and carries none of the budget's personal text. */
    private Answer refusal(Endpoint target, Prepared prepared, Caller caller, String body, String what) {
        long before = storedEvents();
        long requestsBefore = storedErasureRequests();
        String viewBefore = prepared == null ? null : http().view(prepared.budget());
        Answer answer = http().call(target.method(), target.path(prepared), caller, body);
        assertThat(answer.isProblem()).as(what + ": " + answer).isTrue();
        assertThat(answer.json().path("type").asText()).as(what).startsWith("urn:personal-budget:problem:");
        assertThat(storedEvents()).as("events stored after: " + what).isEqualTo(before);
        assertThat(storedErasureRequests())
                .as("erasure requests stored after: " + what)
                .isEqualTo(requestsBefore);
        if (prepared != null) {
            // Also what no event shows: an erasure, say.
            assertThat(http().view(prepared.budget()))
                    .as("the budget after: " + what)
                    .isEqualTo(viewBefore);
            if (!target.forAPerson()) {
                // (An erasure's path holds the reference its caller sent; a budget's does not.)
                assertThat(answer.body()).as(what + ": the person's reference").doesNotContain(prepared.person());
            }
            for (String text : personalText(target.stage())) {
                assertThat(answer.body()).as(what + ": text of the budget").doesNotContain(text);
            }
        }
        countRefusal(answer);
        return answer;
    }

    private static void countRefusal(Answer answer) {
        String type = answer.json().path("type").asText();
        REFUSALS.computeIfAbsent(
                        answer.status() + " " + type.substring(type.lastIndexOf(':') + 1), key -> new AtomicInteger())
                .incrementAndGet();
    }

    /** Every text the steps to {@code stage} wrote into the budget: what a refusal must never echo. */
    private static List<String> personalText(Stage stage) {
        List<String> texts = new ArrayList<>();
        for (Stage.Step step : stage.steps()) {
            String body = step.body().get();
            if (body != null) {
                collectText(read(body), texts);
            }
        }
        return texts;
    }

    private static void collectText(JsonNode node, List<String> texts) {
        if (node.isTextual() && node.textValue().length() >= 12) {
            texts.add(node.textValue());
        }
        node.forEach(child -> collectText(child, texts));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        assertThat(mapping.getMethodsCondition().getMethods())
                .as("HTTP methods of %s", mapping)
                .isNotEmpty();
        return mapping.getPatternValues().stream()
                .flatMap(path ->
                        mapping.getMethodsCondition().getMethods().stream().map(method -> method.name() + " " + path));
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
                // Offered: a budget on which a delegate can already be named.
                return new Endpoint(method, template, Stage.OFFERED, null);
            }
            String command = "POST " + BUDGETS + "/{id}/";
            if (endpoint.startsWith(command)) {
                Commands.CommandCase row = Commands.named(endpoint.substring(command.length()));
                return new Endpoint(method, template, row.at(), row.validBody());
            }
            if (template.startsWith("/api/v1/persons/{ref}/erasure-requests")) {
                // A person of their own with a closed budget (prepare).
                return new Endpoint(
                        method,
                        template,
                        Stage.CLOSED,
                        template.endsWith("erasure-requests") ? BudgetHttp.ERASURE_REQUEST : null);
            }
            throw new IllegalStateException(
                    "the matrix test does not know how to call " + endpoint + ": add it to Endpoint.of");
        }

        boolean forAPerson() {
            return template.contains("{ref}");
        }

        String path(Prepared prepared) {
            return prepared == null
                    ? template
                    : template.replace("{id}", prepared.budget())
                            .replace("{ref}", prepared.person())
                            .replace("{requestId}", String.valueOf(prepared.erasureRequest()));
        }

        /** Whether someone of {@code role} can be named on the budget at this stage (the authorisation: a nominee). */
        boolean canName(Role role) {
            if (stage == null || forAPerson() || NO_DELEGATION.contains(stage)) {
                return false;
            }
            return stage != Stage.AUTHORISED || role == Role.NOMINEE;
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
