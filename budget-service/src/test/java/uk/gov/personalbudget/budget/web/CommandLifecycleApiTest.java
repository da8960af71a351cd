package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/** Commands to a budget that does not exist (404) or is not where the command needs it (409). */
class CommandLifecycleApiTest extends ApiTestSupport {

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void aCommandToAnUnknownBudgetIsNotFoundAndCreatesNothing(Commands.CommandCase command) throws Exception {
        String unknown = UUID.randomUUID().toString();

        api.send(unknown, command.command(), command.by(), command.validBody())
                .andExpect(problem(404, "budget-not-found"));

        api.expectNoBudget(unknown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void aCommandOutOfItsPlaceInTheLifecycleIsAConflict(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.conflictAt());

        api.rejects(id, command.command(), command.by(), command.validBody(), 409, command.conflictSlug());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void nothingIsAcceptedAfterABudgetIsClosed(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(Stage.CLOSED);

        api.rejects(id, command.command(), command.by(), command.validBody(), 409, "budget-closed")
                .andExpect(jsonPath("$.detail").value(containsString("closed")));
    }

    @Test
    void aBudgetEndedByAReviewWaitsForTheAuthorityToCloseItAndThenAcceptsNothing() throws Exception {
        String id = api.budgetAt(Stage.REVIEW_SCHEDULED);
        api.send(id, "complete-review", Party.PRACTITIONER, Bodies.reviewResult("END"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDING"))
                .andExpect(jsonPath("$.controlHolder.party").value("AUTHORITY"));
        api.rejects(id, "record-outcome", Party.PERSON, Bodies.outcome(), 409, "budget-not-approved");

        api.send(id, "close-budget", Party.AUTHORITY, Bodies.closure("The review found the needs are met"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        api.rejects(id, "record-outcome", Party.PERSON, Bodies.outcome(), 409, "budget-closed");
        assertThat(api.events(id).get(api.events(id).size() - 1).get("type").textValue())
                .isEqualTo("BudgetClosed");
    }

    @Test
    void approvingAPlanThatWasNotEndorsedIsAConflict() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);

        api.rejects(id, "approve-by-authority", Party.AUTHORITY, Bodies.approval(), 409, "plan-not-endorsed")
                .andExpect(jsonPath("$.detail").value(containsString("PLAN_SUBMITTED")));
    }

    @Test
    void delegatingTwiceIsAConflict() throws Exception {
        String id = api.budgetAt(Stage.DELEGATED);

        api.rejects(id, "delegate-control", Party.PERSON, Bodies.delegation(), 409, "already-delegated");
    }

    @Test
    void appointingASecondAuthorisedPersonIsAConflict() throws Exception {
        String id = api.budgetAt(Stage.AUTHORISED);

        api.rejects(
                id, "appoint-authorised-person", Party.AUTHORITY, Bodies.authorisation(), 409, "already-authorised");
    }

    @Test
    void continuingASuspendedBudgetAtReviewNeedsItResumedFirst() throws Exception {
        String id = api.budgetAt(Stage.REVIEW_SCHEDULED);
        api.send(id, "suspend-budget", Party.AUTHORITY, Bodies.suspension()).andExpect(status().isOk());

        api.rejects(
                id,
                "complete-review",
                Party.PRACTITIONER,
                Bodies.reviewResult("CONTINUE"),
                409,
                "resume-before-continuing");
    }

    @Test
    void offeringAfterAnAssessmentWithoutEligibleNeedsIsAConflict() throws Exception {
        String id = api.budgetAt(Stage.OPENED);
        api.send(id, "record-assessment", Party.PRACTITIONER, Bodies.with(Bodies.assessment(), "eligible", "false"))
                .andExpect(status().isOk());

        api.rejects(id, "offer-budget", Party.AUTHORITY, Bodies.offer(), 409, "no-eligible-assessment");
    }
}
