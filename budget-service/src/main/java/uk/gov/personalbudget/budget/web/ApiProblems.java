package uk.gov.personalbudget.budget.web;

import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.gov.personalbudget.budget.history.BudgetNotFound;
import uk.gov.personalbudget.budget.lifecycle.BudgetRuleViolation;
import uk.gov.personalbudget.support.web.ApiProblemHandling;

import java.util.List;
import java.util.Map;

/** budget-service's own rejections: lifecycle rules, unknown budgets, concurrent changes, invalid commands. */
@RestControllerAdvice
public class ApiProblems extends ApiProblemHandling {

    @ExceptionHandler(BudgetRuleViolation.class)
    ProblemDetail ruleBroken(BudgetRuleViolation violation) {
        HttpStatus status = switch (violation.rule().kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = problem(status, violation.rule().slug(), violation.getMessage());
        violation.field().map(ApiProblems::bodyPath)
                .ifPresent(field -> naming(problem, field, violation.getMessage()));
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

    @ExceptionHandler({BudgetNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException notFound) {
        String detail = notFound instanceof BudgetNotFound ? notFound.getMessage() : "no budget with this id";
        return problem(HttpStatus.NOT_FOUND, "budget-not-found", detail);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException conflict) {
        return problem(HttpStatus.CONFLICT, "concurrent-change",
                "the budget was changed by another command at the same moment: read it again and retry");
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ProblemDetail invalidCommand(JSR303ViolationException invalid) {
        List<Map<String, String>> errors = invalid.getViolations().stream()
                .map(violation -> fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return invalidInput(errors);
    }
}
