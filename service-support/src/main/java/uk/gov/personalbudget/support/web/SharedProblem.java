package uk.gov.personalbudget.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/**
 * The problem types both services answer alike: the bearer token, bad input, limits, idempotency keys, personal
 * data, an unavailable database, and the statuses Spring MVC and Tomcat refuse with before a controller runs (named
 * for their status, {@link #forStatus}).
 */
public enum SharedProblem implements ProblemType {
    MISSING_TOKEN("missing-token"),
    INVALID_TOKEN("invalid-token"),
    ACCESS_DENIED("access-denied"),
    MALFORMED_REQUEST("malformed-request"),
    SEALED_TEXT_REFUSED("sealed-text-refused"),
    INVALID_PARAMETER("invalid-parameter"),
    INVALID_REQUEST("invalid-request"),
    TOO_MANY_REQUESTS("too-many-requests"),
    PAYLOAD_TOO_LARGE("payload-too-large"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use"),
    IDEMPOTENCY_KEYS_EXHAUSTED("idempotency-keys-exhausted"),
    PERSONAL_DATA_ERASED("personal-data-erased"),
    PERSONAL_DATA_UNAVAILABLE("personal-data-unavailable"),
    PERSONAL_DATA_TAMPERED("personal-data-tampered"),
    SERVICE_UNAVAILABLE("service-unavailable"),
    INTERNAL_ERROR("internal-error"),
    // Refused by Spring MVC or Tomcat, named for the status.
    BAD_REQUEST("bad-request"),
    NOT_FOUND("not-found"),
    METHOD_NOT_ALLOWED("method-not-allowed"),
    NOT_ACCEPTABLE("not-acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    INTERNAL_SERVER_ERROR("internal-server-error");

    private final String slug;

    SharedProblem(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    /**
     * The type of a refusal known only by its status: the one named for that status, else {@link
     * ProblemType#ABOUT_BLANK} (a status the API does not otherwise answer with, such as 505 from Tomcat).
     */
    public static URI forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return ABOUT_BLANK;
        }
        String slug = known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(type -> type.slug.equals(slug))
                .findFirst()
                .map(ProblemType::uri)
                .orElse(ABOUT_BLANK);
    }
}
