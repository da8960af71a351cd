package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.budget.lifecycle.Budgets.CommandCase;

import java.util.List;
import java.util.stream.Stream;

import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** Every command: accepted from its role, refused from a wrong role and from an auditor, and never after close. */
class PersonalBudgetCommandsTest extends BudgetFixtureSupport {

    static List<CommandCase> everyCommand() {
        return Budgets.everyCommand();
    }

    static Stream<CommandCase> everyCommandOnAnOpenedBudget() {
        // Recording an erasure is for closed budgets only (PersonalBudgetErasureTest); a challenge open at closure is
        // still answered (PersonalBudgetChallengeTest).
        return Budgets.everyCommand().stream()
                .filter(command -> !command.history().isEmpty())
                .filter(command -> !command.name().equals(RECORD_ERASURE))
                .filter(command -> !command.name().equals("AnswerChallenge"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void eachCommandIsAcceptedFromARoleAllowedToSendItInTheStageItFits(CommandCase command) {
        given(command.history())
                .when(command.command().apply(command.allowed()))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void eachCommandIsRefusedFromARoleNotAllowedToSendIt(CommandCase command) {
        given(command.history())
                .when(command.command().apply(command.notAllowed()))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void anAuditorChangesNothing(CommandCase command) {
        given(command.history())
                .when(command.command().apply(AUDITOR))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAnOpenedBudget")
    void nothingIsAcceptedAfterTheBudgetIsClosed(CommandCase command) {
        given(plus(command.history(), budgetClosed()))
                .when(command.command().apply(command.allowed()))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_CLOSED))
                .expectNoEvents();
    }
}
