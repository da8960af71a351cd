package uk.gov.personalbudget.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rejections every API of ours answers alike, as RFC 9457 problem details with a stable {@code type}
 * per rule, a human {@code detail}, and for bad input the field at fault ({@code field}, and {@code errors}
 * listing all). Each service's {@code @RestControllerAdvice} extends it with its own rules.
 */
public abstract class ApiProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandling.class);

    /** The problem types' common prefix; the last segment is the rule's slug. */
    public static final String TYPE_PREFIX = ProblemType.PREFIX;

    public static ProblemDetail problem(HttpStatusCode status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        return problem;
    }

    /** Names the one field at fault, as {@code field} and as the only entry of {@code errors}. */
    public static ProblemDetail naming(ProblemDetail problem, String field, String reason) {
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(fieldError(field, reason)));
        return problem;
    }

    /** Raised inside a controller rather than by the filter chain; answered the same way. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException denied) {
        return problem(HttpStatus.FORBIDDEN, SharedProblem.ACCESS_DENIED, denied.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException unauthenticated) {
        return problem(HttpStatus.UNAUTHORIZED, SharedProblem.INVALID_TOKEN, unauthenticated.getMessage());
    }

    /** Seconds a caller is asked to wait before retrying while a database is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Anything unforeseen: logged in full for operators, answered without internals for callers. A database
     * that is down or restarting is not a fault of the service: it is a 503 the caller may retry.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (DatabaseUnavailable.isCauseOf(failure)) {
            log.warn("database unavailable: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            SharedProblem.SERVICE_UNAVAILABLE,
                            "the service's database is unavailable for the moment; retry after " + RETRY_AFTER_SECONDS
                                    + " seconds. A command answered this way was not acknowledged: read the budget's"
                                    + " history before sending it again"));
        }
        log.error("unexpected failure", failure);
        return ResponseEntity.internalServerError()
                .body(
                        problem(
                                HttpStatus.INTERNAL_SERVER_ERROR,
                                SharedProblem.INTERNAL_ERROR,
                                "the service failed to handle this request; nothing was stored unless the budget's history shows it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, SharedProblem.MALFORMED_REQUEST, "the body is not valid JSON");
        if (unreadable.getCause() instanceof SealedTextRefusal.SealedTextInInput sealed
                && !sealed.getPath().isEmpty()) {
            String field = path(sealed);
            problem = problem(
                    HttpStatus.BAD_REQUEST,
                    SharedProblem.SEALED_TEXT_REFUSED,
                    "the field '" + field + "' " + SealedTextRefusal.SealedTextInInput.REASON);
            return ResponseEntity.badRequest().body(naming(problem, field, SealedTextRefusal.SealedTextInInput.REASON));
        }
        if (unreadable.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String reason = reasonFor(mapping);
            problem.setDetail("the field '" + field + "' " + reason);
            naming(problem, field, reason);
        } else if (unreadable.getCause() == null) {
            problem.setDetail("a JSON body is required");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Says what is wrong in the caller's terms, never with the parser's internals. */
    private static String reasonFor(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return "is invalid: " + instantiation.getCause().getMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == Instant.class) {
                return "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z";
            }
            if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
                return "must be a whole number";
            }
            return "must be " + (target == String.class ? "a string" : "an object of the documented shape");
        }
        return "has the wrong type";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
        String reason = "asOf".equals(name)
                ? "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z"
                : "is not a valid " + name + ": letters, digits, '-' or '_', at most 64";
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, SharedProblem.INVALID_PARAMETER, "'" + name + "' " + reason);
        return ResponseEntity.badRequest().body(naming(problem, name, reason));
    }

    /** Spring MVC's own rejections (no such path, 405, 406, 415...) get a type of ours too, named for the status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(failure, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && ProblemType.ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(SharedProblem.forStatus(status));
        }
        return response;
    }

    protected static ProblemDetail invalidInput(List<Map<String, String>> errors) {
        String summary = errors.stream()
                .map(error -> error.get("field") + " " + error.get("reason"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, SharedProblem.INVALID_REQUEST, summary);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    protected static Map<String, String> fieldError(String field, String reason) {
        return Map.of("field", field, "reason", reason == null ? "is invalid" : reason);
    }

    /** Jackson's path as the dotted, indexed form the validation errors use: {@code plan.lines[0].cost}. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
