package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.fieldAtFault;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/**
 * Bad input is a 400 that names the field at fault as a path into the request body, and stores nothing:
 * unreadable JSON, unknown or missing fields, wrong types, out-of-range values, a bad id in the path, and
 * the domain's own rules on what a command says.
 */
class CommandInputApiTest extends ApiTestSupport {

    private static final String MALFORMED = "{\"reason\" \"no colon\"}";
    private static final String TRUNCATED = "{\"reason\": \"unfinished";

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#readingABody")
    void aBodyThatIsNotJsonIsRejected(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.rejects(id, command.command(), command.by(), MALFORMED, 400, "malformed-request")
                .andExpect(jsonPath("$.detail").value("the body is not valid JSON"));
        api.rejects(id, command.command(), command.by(), TRUNCATED, 400, "malformed-request");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiringABody")
    void aMissingBodyIsRejected(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.rejects(id, command.command(), command.by(), null, 400, "malformed-request")
                .andExpect(jsonPath("$.detail").value("a JSON body is required"));
    }

    static Stream<Commands.CommandCase> requiringABody() {
        return Commands.readingABody().stream()
                .filter(command -> !List.of("endorse-plan", "resume-control").contains(command.command()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#readingABody")
    void anUnknownFieldIsRejectedSoTheActorCannotComeFromTheBody(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());
        String withActor =
                Bodies.with(command.validBody(), "actor", "{\"id\":\"someone-else\",\"role\":\"AUTHORITY\"}");

        api.rejects(id, command.command(), command.by(), withActor, 400, "malformed-request")
                .andExpect(fieldAtFault("actor"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#withARequiredField")
    void aMissingRequiredFieldIsRejectedNamingIt(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.rejects(
                        id,
                        command.command(),
                        command.by(),
                        Bodies.without(command.validBody(), command.requiredField()),
                        400,
                        "invalid-request")
                .andExpect(fieldAtFault(command.requiredField()))
                .andExpect(jsonPath("$.errors", hasSize(1)));
    }

    @Test
    void everyInvalidFieldIsListed() throws Exception {
        String id = api.budgetAt(Stage.PLAN_ENDORSED);
        String body = Bodies.without(Bodies.without(Bodies.decline(), "reasons"), "personToldBy");

        api.rejects(id, "decline-by-authority", Party.AUTHORITY, body, 400, "invalid-request")
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("reasons", "personToldBy")));
    }

    @Test
    void openingWithoutALocalAuthorityIsRejectedAndStoresNothing() throws Exception {
        long before = api.storedEvents();

        api.open(Party.PRACTITIONER, Bodies.without(Bodies.opening(), "localAuthority"))
                .andExpect(problem(400, "invalid-request"))
                .andExpect(fieldAtFault("localAuthority"));
        api.open(Party.PRACTITIONER, Bodies.with(Bodies.opening(), "person", "\"not a reference!\""))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(fieldAtFault("person"));
        api.open(Party.PRACTITIONER, MALFORMED).andExpect(problem(400, "malformed-request"));
        api.open(Party.PRACTITIONER, Bodies.with(Bodies.opening(), "actor", "\"au-okafor\""))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(fieldAtFault("actor"));

        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "amount.pence  | '\"1200000\"'       | amount.pence",
                "amount.pence  | 1200000.5           | amount.pence",
                "amount.pence  | null                | amount.pence",
                "amount.period | 3                   | amount.period",
                "amount.period | '\"FORTNIGHTLY\"'   | amount.period",
                "amount        | '\"£12,000\"'       | amount",
                "calculation   | '[]'                | calculation"
            })
    void aValueOfTheWrongTypeIsRejectedNamingTheField(String path, String value, String field) throws Exception {
        String id = api.budgetAt(Stage.ASSESSED);

        api.rejects(
                        id,
                        "offer-budget",
                        Party.AUTHORITY,
                        Bodies.with(Bodies.offer(), path, value),
                        400,
                        "malformed-request")
                .andExpect(fieldAtFault(field))
                .andExpect(jsonPath("$.detail").value(containsString(field)));
    }

    @Test
    void aWrongTypeDeepInAListIsNamedWithItsIndex() throws Exception {
        String id = api.budgetAt(Stage.PLANNING);
        String plan = Bodies.plan().replace("\"pence\":164000", "\"pence\":\"164000\"");

        api.rejects(id, "submit-plan", Party.PERSON, plan, 400, "malformed-request")
                .andExpect(fieldAtFault("lines[1].cost.pence"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "approve-by-authority | PLAN_ENDORSED    | personTookPart | '\"yes\"'",
                "schedule-review      | ACTIVE           | dueBy          | '\"in seven weeks\"'",
                "record-outcome       | ACTIVE           | domain         | '\"HAPPINESS\"'"
            })
    void aBooleanInstantOrEnumOfTheWrongShapeIsRejected(String command, Stage at, String field, String value)
            throws Exception {
        Commands.CommandCase row = Commands.named(command);
        String id = api.budgetAt(at);

        api.rejects(id, command, row.by(), Bodies.with(row.validBody(), field, value), 400, "malformed-request")
                .andExpect(fieldAtFault(field));
    }

    @ParameterizedTest(name = "pence = {0}")
    @ValueSource(longs = {-1, 10_000_000_001L})
    void moneyOutOfRangeIsRejected(long pence) throws Exception {
        String id = api.budgetAt(Stage.ASSESSED);
        String offer = Bodies.with(Bodies.offer(), "amount.pence", Long.toString(pence));

        api.rejects(id, "offer-budget", Party.AUTHORITY, offer, 400, "invalid-request")
                .andExpect(fieldAtFault("amount.pence"));
    }

    @Test
    void negativeMoneyInsideAListIsNamedWithItsIndex() throws Exception {
        String id = api.budgetAt(Stage.ASSESSED);
        String offer = Bodies.offer().replace("\"pence\":164000", "\"pence\":-164000");

        api.rejects(id, "offer-budget", Party.AUTHORITY, offer, 400, "invalid-request")
                .andExpect(fieldAtFault("calculation.breakdown[1].amount.pence"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void aBudgetIdThatCannotBeOneIsRejected(Commands.CommandCase command) throws Exception {
        long before = api.storedEvents();

        for (String badId : new String[] {"bad!id", "x".repeat(65)}) {
            api.send(badId, command.command(), command.by(), command.validBody())
                    .andExpect(problem(400, "invalid-parameter"))
                    .andExpect(fieldAtFault("id"));
        }

        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}: {4}")
    @MethodSource("brokenDomainRules")
    void aCommandBreakingARuleOnWhatItSaysIsRejectedNamingTheField(
            Stage at, String command, Party by, String body, String slug, String field) throws Exception {
        String id = api.budgetAt(at);

        api.rejects(id, command, by, body, 400, slug).andExpect(fieldAtFault(field));
    }

    static Stream<Arguments> brokenDomainRules() {
        String goalless = Bodies.plan().replace(",\"outcomeDomain\":\"PHYSICAL_HEALTH\"", "");
        return Stream.of(
                Arguments.of(
                        Stage.ASSESSED,
                        "offer-budget",
                        Party.AUTHORITY,
                        Bodies.with(Bodies.offer(), "amount.pence", "1300000"),
                        "breakdown-does-not-add-up",
                        "calculation.breakdown"),
                Arguments.of(
                        Stage.ASSESSED,
                        "offer-budget",
                        Party.AUTHORITY,
                        Bodies.with(Bodies.offer(), "amount.pence", "0"),
                        "amount-not-positive",
                        "amount.pence"),
                Arguments.of(
                        Stage.OFFERED,
                        "contest-offer",
                        Party.PERSON,
                        Bodies.with(Bodies.contest(), "requestedAmount.pence", "0"),
                        "amount-not-positive",
                        "requestedAmount.pence"),
                Arguments.of(
                        Stage.CONTESTED,
                        "revise-offer",
                        Party.AUTHORITY,
                        Bodies.without(Bodies.revision(), "reasons"),
                        "revision-reasons-required",
                        "reasons"),
                Arguments.of(
                        Stage.PLANNING,
                        "submit-plan",
                        Party.PERSON,
                        Bodies.plan().replace("\"pence\":936000", "\"pence\":1036000"),
                        "plan-exceeds-offer",
                        "exceptionReason"),
                Arguments.of(
                        Stage.PLANNING, "submit-plan", Party.PERSON, goalless, "plan-line-without-purpose", "lines[2]"),
                Arguments.of(
                        Stage.PLANNING,
                        "submit-plan",
                        Party.PERSON,
                        Bodies.plan().replace("\"G1\"", "\"G9\""),
                        "unknown-recovery-goal",
                        "lines[0].recoveryGoalId"),
                Arguments.of(
                        Stage.PLAN_ENDORSED,
                        "approve-by-authority",
                        Party.AUTHORITY,
                        Bodies.with(
                                Bodies.with(Bodies.approval(), "approvedAmount.pence", "1100000"),
                                "payment.pence",
                                "21000"),
                        "variance-reason-required",
                        "varianceReason"),
                Arguments.of(
                        Stage.PLAN_ENDORSED,
                        "approve-by-authority",
                        Party.AUTHORITY,
                        Bodies.with(Bodies.approval(), "payment.pence", "30000"),
                        "payment-exceeds-approved-amount",
                        "payment"),
                Arguments.of(
                        Stage.PLAN_ENDORSED,
                        "approve-by-authority",
                        Party.AUTHORITY,
                        Bodies.with(Bodies.approval(), "approvedAmount.pence", "0"),
                        "amount-not-positive",
                        "approvedAmount.pence"),
                Arguments.of(
                        Stage.APPROVED,
                        "choose-management",
                        Party.PERSON,
                        Bodies.management("INDIVIDUAL_SERVICE_FUND"),
                        "provider-required",
                        "provider"),
                Arguments.of(
                        Stage.APPROVED,
                        "choose-management",
                        Party.PERSON,
                        "{\"option\":\"MIXED\",\"split\":{\"directPayment\":{\"pence\":100,\"period\":\"YEARLY\"}}}",
                        "mixed-split-does-not-add-up",
                        "split"),
                Arguments.of(
                        Stage.ACTIVE,
                        "delegate-control",
                        Party.PERSON,
                        Bodies.delegation("aud-khan", "AUDITOR", "PREFERENCE"),
                        "delegate-must-be-nominee-or-practitioner",
                        "delegate.role"),
                Arguments.of(
                        Stage.ACTIVE,
                        "delegate-control",
                        Party.PERSON,
                        Bodies.with(
                                Bodies.delegation(), "intendedEnd", "\"" + Bodies.fromNow(Duration.ofDays(-1)) + "\""),
                        "intended-end-not-in-future",
                        "intendedEnd"),
                Arguments.of(
                        Stage.ACTIVE,
                        "adjust-budget",
                        Party.AUTHORITY,
                        Bodies.without(Bodies.adjustment(), "endsOn"),
                        "adjustment-end-invalid",
                        "endsOn"),
                Arguments.of(
                        Stage.ACTIVE,
                        "adjust-budget",
                        Party.AUTHORITY,
                        Bodies.with(Bodies.adjustment(), "newAmount.pence", "0"),
                        "amount-not-positive",
                        "newAmount.pence"),
                Arguments.of(
                        Stage.ACTIVE,
                        "record-outcome",
                        Party.PERSON,
                        Bodies.with(Bodies.outcome(), "recoveryGoalId", "\"G9\""),
                        "unknown-recovery-goal",
                        "recoveryGoalId"),
                Arguments.of(
                        Stage.ACTIVE,
                        "schedule-review",
                        Party.PRACTITIONER,
                        Bodies.with(Bodies.review(), "dueBy", "\"" + Bodies.fromNow(Duration.ofDays(140)) + "\""),
                        "review-due-outside-window",
                        "dueBy"));
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRejected() throws Exception {
        String id = api.budgetAt(Stage.ASSESSED);
        long before = api.version(id);

        api.perform(
                        post(BUDGETS + "/" + id + "/offer-budget")
                                .contentType(MediaType.TEXT_PLAIN)
                                .content(Bodies.offer()),
                        Party.AUTHORITY)
                .andExpect(problem(415, "unsupported-media-type"));

        assertThat(api.version(id)).isEqualTo(before);
    }

    @Test
    void anUnknownCommandIsNotFound() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);

        api.send(id, "approve-offer", Party.PERSON, null).andExpect(problem(404, "not-found"));
    }

    @Test
    void readingACommandPathIsNotAllowed() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);

        api.get(BUDGETS + "/" + id + "/accept-offer", Party.PERSON).andExpect(problem(405, "method-not-allowed"));
    }
}
