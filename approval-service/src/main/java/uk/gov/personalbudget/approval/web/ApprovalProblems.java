package uk.gov.personalbudget.approval.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.gov.personalbudget.approval.replay.ReplayAlreadyRunning;
import uk.gov.personalbudget.approval.replay.ReplayNotStarted;
import uk.gov.personalbudget.support.web.ApiProblemHandling;

/** approval-service's own rejections, as problem details like every other. */
@RestControllerAdvice
public class ApprovalProblems extends ApiProblemHandling {

    @ExceptionHandler(BudgetNotKnown.class)
    ProblemDetail budgetNotKnown(BudgetNotKnown unknown) {
        return problem(HttpStatus.NOT_FOUND, "budget-not-found", unknown.getMessage());
    }

    @ExceptionHandler(ReplayNotFound.class)
    ProblemDetail replayNotFound(ReplayNotFound unknown) {
        return problem(HttpStatus.NOT_FOUND, "replay-not-found", unknown.getMessage());
    }

    @ExceptionHandler(ReplayAlreadyRunning.class)
    ProblemDetail replayRunning(ReplayAlreadyRunning running) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "replay-already-running", running.getMessage());
        problem.setProperty("replay", "/api/v1/replays/" + running.running());
        return problem;
    }

    @ExceptionHandler(ReplayNotStarted.class)
    ProblemDetail replayNotStarted(ReplayNotStarted notStarted) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "replay-not-started", notStarted.getMessage());
    }

    @ExceptionHandler(InvalidRange.class)
    ProblemDetail invalidRange(InvalidRange invalid) {
        return naming(problem(HttpStatus.BAD_REQUEST, "invalid-range", invalid.getMessage()), "to",
                invalid.getMessage());
    }
}
