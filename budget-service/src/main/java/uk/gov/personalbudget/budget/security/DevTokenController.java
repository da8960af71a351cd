package uk.gov.personalbudget.budget.security;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.budget.problem.BudgetProblem;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.ServiceEdge;
import uk.gov.personalbudget.support.security.Councils;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Issues development tokens; exists in the {@code local} profile only. */
@RestController
@Profile(ServiceEdge.DEV_TOKENS_PROFILE)
@Tag(name = "Development tokens", description = "Local profile only: tokens signed by this process")
public class DevTokenController {

    public static final String PATH = "/dev/tokens";
    /** The public key set of the development tokens, so approval-service (local) can verify them too. */
    public static final String JWKS_PATH = "/dev/jwks";

    private final DevTokenIssuer issuer;
    private final RSAKey signingKey;
    private final Councils councils;

    public DevTokenController(DevTokenIssuer issuer, RSAKey devTokenSigningKey, Councils councils) {
        this.issuer = issuer;
        this.signingKey = devTokenSigningKey;
        this.councils = councils;
    }

    /** The token, to be sent as {@code Authorization: Bearer <token>}. */
    public record DevTokenResponse(String token) {}

    @Operation(summary = "Issue a development token valid for 8 hours")
    @SecurityRequirements
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public DevTokenResponse issue(@Valid @RequestBody DevTokenRequest request) {
        PersonReference person = request.person() == null ? null : new PersonReference(request.person());
        return new DevTokenResponse(
                issuer.issue(request.sub(), request.role(), person, request.authorisationLimit(), council(request)));
    }

    private String council(DevTokenRequest request) {
        if (request.council() != null) {
            if (!councils.serves(request.council())) {
                throw new UnservedCouncil(request.council());
            }
            return request.council();
        }
        boolean scopedByConfiguration = request.role() == Role.SYSTEM
                && !councils.systemScope(request.sub()).isEmpty();
        return scopedByConfiguration ? null : councils.served().get(0);
    }

    @ExceptionHandler(UnservedCouncil.class)
    ProblemDetail unservedCouncil(UnservedCouncil unserved) {
        ProblemDetail problem = invalidTokenRequest(unserved.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "council", "reason", unserved.getMessage())));
        return problem;
    }

    /** A council the service does not serve: a token for it would be refused anyway. */
    static final class UnservedCouncil extends RuntimeException {

        UnservedCouncil(String council) {
            super("council " + council + " is not served here (security.councils.served)");
        }
    }

    @Operation(summary = "The public JWK set that verifies development tokens")
    @SecurityRequirements
    @GetMapping(path = JWKS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException invalid) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", fieldName(error.getField()), "reason", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("reason"))
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = invalidTokenRequest(detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof InvalidFormatException format
                && format.getTargetType().isEnum()) {
            return invalidTokenRequest(field(format) + " must be one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (unreadable.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return invalidTokenRequest(field(mismatch) + " has the wrong type");
        }
        return invalidTokenRequest(
                "the body must be a JSON object {sub, role, person?, authorisation_limit?, council?}");
    }

    private static ProblemDetail invalidTokenRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(BudgetProblem.INVALID_TOKEN_REQUEST.uri());
        problem.setTitle("Invalid token request");
        return problem;
    }

    private static String field(MismatchedInputException mismatch) {
        return mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
    }

    /** Reports fields by their JSON names. */
    private static String fieldName(String recordComponent) {
        return "authorisationLimit".equals(recordComponent) ? "authorisation_limit" : recordComponent;
    }
}
