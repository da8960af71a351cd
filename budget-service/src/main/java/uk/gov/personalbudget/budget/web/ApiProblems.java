package uk.gov.personalbudget.budget.web;

import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.gov.personalbudget.budget.history.BudgetNotFound;
import uk.gov.personalbudget.budget.lifecycle.BudgetHidden;
import uk.gov.personalbudget.budget.lifecycle.BudgetRuleViolation;
import uk.gov.personalbudget.budget.problem.BudgetProblem;
import uk.gov.personalbudget.support.web.ApiProblemHandling;

import java.util.List;
import java.util.Map;

/**
 * budget-service's own rejections: lifecycle rules, unknown budgets, concurrent changes, stale or malformed
 * If-Match, invalid commands.
 */
@RestControllerAdvice
class ApiProblems extends ApiProblemHandling {

    @ExceptionHandler(BudgetRuleViolation.class)
    ProblemDetail ruleBroken(BudgetRuleViolation violation) {
        HttpStatus status = switch (violation.rule().kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = problem(status, violation.rule()::slug, violation.getMessage());
        violation.field().map(ApiProblems::bodyPath).ifPresent(field -> naming(problem, field, violation.getMessage()));
        return problem;
    }

    /**
     * The aggregate names a field from the command ({@code offer.amount.pence}); each endpoint's body is the
     * command's payload alone, so callers get the path into that body ({@code amount.pence}), as bean
     * validation and unreadable JSON give it.
     */
    private static String bodyPath(String commandPath) {
        int dot = commandPath.indexOf('.');
        return dot < 0 ? commandPath : commandPath.substring(dot + 1);
    }

    /**
     * A budget that does not exist and one the caller may not see ({@link BudgetHidden}) get the same answer, word for
     * word; only a caller who may see a budget hears that it did not yet exist at a past moment.
     */
    @ExceptionHandler({BudgetNotFound.class, BudgetHidden.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException notFound) {
        String detail =
                notFound instanceof BudgetNotFound missing && missing.moment().isPresent()
                        ? notFound.getMessage()
                        : BudgetNotFound.NO_SUCH_BUDGET;
        return problem(HttpStatus.NOT_FOUND, BudgetProblem.BUDGET_NOT_FOUND, detail);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException conflict) {
        return problem(
                HttpStatus.CONFLICT,
                BudgetProblem.CONCURRENT_CHANGE,
                "the budget was changed by another command at the same moment: read it again and retry");
    }

    /**
     * Axon refuses a command whose If-Match version is not the budget's: before its handler runs when the caller
     * is ahead or, through the aggregate's interceptor, behind. Nothing is stored.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionMismatch(ConflictingAggregateVersionException stale) {
        ProblemDetail problem = problem(
                HttpStatus.PRECONDITION_FAILED,
                BudgetProblem.VERSION_MISMATCH,
                "the budget is at version " + stale.getActualVersion() + ", not " + stale.getExpectedVersion()
                        + " as If-Match says: read it again, and send the command again if it still applies");
        problem.setProperty("currentVersion", stale.getActualVersion());
        problem.setProperty("expectedVersion", stale.getExpectedVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag("\"" + stale.getActualVersion() + "\"")
                .body(problem);
    }

    @ExceptionHandler(BudgetCommands.NoVersionYet.class)
    ProblemDetail noVersionYet(BudgetCommands.NoVersionYet noVersion) {
        return problem(HttpStatus.PRECONDITION_FAILED, BudgetProblem.VERSION_MISMATCH, noVersion.getMessage());
    }

    @ExceptionHandler(IfMatch.InvalidIfMatch.class)
    ProblemDetail invalidIfMatch(IfMatch.InvalidIfMatch invalid) {
        return naming(
                problem(HttpStatus.BAD_REQUEST, BudgetProblem.INVALID_IF_MATCH, invalid.getMessage()),
                IfMatch.HEADER,
                IfMatch.InvalidIfMatch.REASON);
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ProblemDetail invalidCommand(JSR303ViolationException invalid) {
        List<Map<String, String>> errors = invalid.getViolations().stream()
                .map(violation -> fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return invalidInput(errors);
    }
}
