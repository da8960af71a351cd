package uk.gov.personalbudget.approval.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import uk.gov.personalbudget.approval.problem.ApprovalProblem;
import uk.gov.personalbudget.approval.replay.ReplayAlreadyRunning;
import uk.gov.personalbudget.approval.replay.ReplayNotFound;
import uk.gov.personalbudget.approval.replay.ReplayNotStarted;
import uk.gov.personalbudget.support.web.ApiProblemHandling;
import uk.gov.personalbudget.support.web.SharedProblem;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** approval-service's own rejections, as problem details like every other. */
@RestControllerAdvice
class ApprovalProblems extends ApiProblemHandling {

    @ExceptionHandler(BudgetNotKnown.class)
    ProblemDetail budgetNotKnown(BudgetNotKnown unknown) {
        return problem(HttpStatus.NOT_FOUND, ApprovalProblem.BUDGET_NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler(ReplayNotFound.class)
    ProblemDetail replayNotFound(ReplayNotFound unknown) {
        return problem(HttpStatus.NOT_FOUND, ApprovalProblem.REPLAY_NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler(ReplayAlreadyRunning.class)
    ProblemDetail replayRunning(ReplayAlreadyRunning running) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, ApprovalProblem.REPLAY_ALREADY_RUNNING, running.getMessage());
        problem.setProperty("replay", "/api/v1/replays/" + running.running());
        return problem;
    }

    @ExceptionHandler(ReplayNotStarted.class)
    ProblemDetail replayNotStarted(ReplayNotStarted notStarted) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ApprovalProblem.REPLAY_NOT_STARTED, notStarted.getMessage());
    }

    @ExceptionHandler(UnknownLevel.class)
    ProblemDetail unknownLevel(UnknownLevel unknown) {
        String reason = "must be one of " + unknown.levels();
        return naming(
                problem(HttpStatus.BAD_REQUEST, SharedProblem.INVALID_PARAMETER, "'level' " + reason), "level", reason);
    }

    /**
     * Says what the parameter should have been: the shared handler's wording fits ids only, and this service's
     * parameters are also instants, enums, flags and replay ids.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = mismatch.getPropertyName();
        String reason = expected(mismatch.getRequiredType());
        if (name == null || reason == null) {
            return super.handleTypeMismatch(mismatch, headers, status, request);
        }
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, SharedProblem.INVALID_PARAMETER, "'" + name + "' " + reason);
        return ResponseEntity.badRequest().body(naming(problem, name, reason));
    }

    private static String expected(Class<?> type) {
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z";
        }
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == UUID.class) {
            return "must be a replay id such as 3f0c5b8e-2d4a-4c1e-9b7a-1d2e3f4a5b6c";
        }
        return null;
    }

    @ExceptionHandler(InvalidRange.class)
    ProblemDetail invalidRange(InvalidRange invalid) {
        return naming(
                problem(HttpStatus.BAD_REQUEST, ApprovalProblem.INVALID_RANGE, invalid.getMessage()),
                "to",
                invalid.getMessage());
    }
}
