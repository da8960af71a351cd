package uk.gov.personalbudget.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.RemoteKeySourceException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import uk.gov.personalbudget.support.web.ApiProblemHandling;
import uk.gov.personalbudget.support.web.SharedProblem;

import java.io.IOException;
import java.net.URI;

/**
 * Writes the filter chain's 401 and 403 as RFC 9457 problem details. The bearer-token handlers run first so
 * the {@code WWW-Authenticate} header stays as RFC 6750 describes it. A token that cannot be checked because the
 * issuer's key set cannot be fetched is a 503 the caller may retry, not a 500.
 */
public final class SecurityProblems
        implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private static final String DECODING_FAILURE = "An error occurred while attempting to decode the Jwt: ";

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper objectMapper;

    public SecurityProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, failure);
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String reason = withoutDecodingPrefix(oauth.getError().getDescription());
            write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    SharedProblem.INVALID_TOKEN,
                    "Invalid token",
                    "the bearer token was rejected" + (StringUtils.hasText(reason) ? ": " + reason : ""));
        } else {
            write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    SharedProblem.MISSING_TOKEN,
                    "Missing token",
                    "this resource needs a bearer token: send the header 'Authorization: Bearer <token>'");
        }
    }

    /** As Spring's default (the entry point, and a rethrow of internal failures), but 503 for an unreachable key set. */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!(failure instanceof AuthenticationServiceException)) {
            commence(request, response, failure);
            return;
        }
        if (!keySetUnreachable(failure)) {
            throw failure;
        }
        log.warn("token not checked, the issuer's key set is unreachable: {}", failure.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ApiProblemHandling.RETRY_AFTER_SECONDS));
        write(
                request,
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                SharedProblem.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "the token cannot be checked for the moment (the issuer's keys are unreachable); retry after "
                        + ApiProblemHandling.RETRY_AFTER_SECONDS + " seconds");
    }

    private static boolean keySetUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RemoteKeySourceException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, denied);
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                SharedProblem.ACCESS_DENIED,
                "Access denied",
                "your token is valid but does not allow this request");
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            SharedProblem type,
            String title,
            String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
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
