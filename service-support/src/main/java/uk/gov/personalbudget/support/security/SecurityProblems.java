package uk.gov.personalbudget.support.security;

import uk.gov.personalbudget.support.web.ApiProblemHandling;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.net.URI;

/**
 * Writes the filter chain's 401 and 403 as RFC 9457 problem details. The bearer-token handlers run first so
 * the {@code WWW-Authenticate} header stays as RFC 6750 describes it.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String MISSING_TOKEN = "missing-token";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String ACCESS_DENIED = "access-denied";

    private static final String DECODING_FAILURE = "An error occurred while attempting to decode the Jwt: ";

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper objectMapper;

    public SecurityProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String reason = withoutDecodingPrefix(oauth.getError().getDescription());
            write(request, response, HttpStatus.UNAUTHORIZED, INVALID_TOKEN, "Invalid token",
                    "the bearer token was rejected" + (StringUtils.hasText(reason) ? ": " + reason : ""));
        } else {
            write(request, response, HttpStatus.UNAUTHORIZED, MISSING_TOKEN, "Missing token",
                    "this resource needs a bearer token: send the header 'Authorization: Bearer <token>'");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, ACCESS_DENIED, "Access denied",
                "your token is valid but does not allow this request");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                       String slug, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ApiProblemHandling.type(slug));
        problem.setTitle(title);
        problem.setInstance(instance(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** Spring starts every decoding failure with the same sentence; what follows it is the reason. */
    private static String withoutDecodingPrefix(String description) {
        if (description != null && description.startsWith(DECODING_FAILURE)) {
            return description.substring(DECODING_FAILURE.length());
        }
        return description;
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
