package uk.gov.personalbudget.approval.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.gov.personalbudget.approval.problem.ApprovalProblem;
import uk.gov.personalbudget.support.web.ApiProblemHandling;

/** The console's forwarding failures as problem details, like every other rejection. */
// Ahead of the shared handlers, whose catch-all would answer these as 500s.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {BudgetStateController.class, DevTokenForwarding.class})
class ConsoleProblems {

    @ExceptionHandler(BudgetServiceUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(BudgetServiceUnavailable unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ApiProblemHandling.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ApprovalProblem.BUDGET_SERVICE_UNAVAILABLE,
                        unavailable.getMessage()));
    }
}
