package uk.gov.personalbudget.support.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import uk.gov.personalbudget.support.web.ApiProblemHandling;
import uk.gov.personalbudget.support.web.SharedProblem;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honours the {@code Idempotency-Key} header on POSTs (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key runs and its answer is kept; a retry with the same key and the same request (method, path
 * and canonical body, see {@link RequestFingerprint}) gets that answer again, marked
 * {@code Idempotent-Replayed: true}, and runs nothing. Keys belong to the caller (the token's {@code sub}).
 * <ul>
 *     <li>the same key with another request: 422 {@code idempotency-key-reused};</li>
 *     <li>the same key while its first request is still running: 409 {@code idempotency-key-in-use} with
 *     {@code Retry-After}; the second request does not run;</li>
 *     <li>a key that is not 1 to 255 visible ASCII characters, or more than one key: 400
 *     {@code invalid-idempotency-key};</li>
 *     <li>a new key from a caller who already holds {@code idempotency.max-keys-per-caller} unexpired keys: 429
 *     {@code idempotency-keys-exhausted} with {@code Retry-After}; the request does not run.</li>
 * </ul>
 * Answers below 500 are kept, rejections included; a 5xx is forgotten so that a retry after an outage runs.
 * It sits behind Spring Security, so a request without a valid token never reaches it.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer given again from the store rather than by running the request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The headers of an answer a retry gets again, besides its status and body. */
    public static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    public static final int MAX_KEY_LENGTH = 255;
    static final int IN_USE_RETRY_AFTER_SECONDS = 1;
    static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
    /** Keys expire one by one; a minute frees some unless the caller holds its limit within a minute. */
    static final int EXHAUSTED_RETRY_AFTER_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final List<String> pathPatterns;
    private final AntPathMatcher matcher = new AntPathMatcher();
    private final UrlPathHelper paths = new UrlPathHelper();

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json, List<String> pathPatterns) {
        this.store = store;
        this.json = json;
        this.pathPatterns = List.copyOf(pathPatterns);
    }

    /** Whether {@code key} is 1 to 255 visible ASCII characters (0x21 to 0x7E). */
    public static boolean isValidKey(String key) {
        return key != null
                && !key.isEmpty()
                && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        String path = paths.getPathWithinApplication(request);
        return pathPatterns.stream().noneMatch(pattern -> matcher.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        String caller = caller();
        if (keys.isEmpty() || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        if (keys.size() > 1 || !isValidKey(keys.get(0))) {
            write(request, response, invalidKey(), Map.of());
            return;
        }
        String key = keys.get(0);
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = RequestFingerprint.of(request.getMethod(), pathAndQuery(request), body);

        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(caller, key, fingerprint);
        } catch (DataAccessException unavailable) {
            log.warn("idempotency keys unavailable: {}", unavailable.toString());
            write(
                    request,
                    response,
                    unavailable(),
                    Map.of(HttpHeaders.RETRY_AFTER, Integer.toString(UNAVAILABLE_RETRY_AFTER_SECONDS)));
            return;
        }
        if (claim instanceof IdempotencyStore.Claim.Held held) {
            answerHeld(request, response, fingerprint, held);
            return;
        }
        if (claim instanceof IdempotencyStore.Claim.Exhausted exhausted) {
            write(
                    request,
                    response,
                    exhausted(exhausted.maxKeysPerCaller()),
                    Map.of(HttpHeaders.RETRY_AFTER, Integer.toString(EXHAUSTED_RETRY_AFTER_SECONDS)));
            return;
        }
        String token = ((IdempotencyStore.Claim.Acquired) claim).token();
        run(new CachedBodyRequest(request, body), response, chain, caller, key, token);
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String caller,
            String key,
            String token)
            throws ServletException, IOException {
        CapturingResponse capturing = new CapturingResponse(response);
        boolean kept = false;
        try {
            chain.doFilter(request, capturing);
            if (capturing.isWorthKeeping()) {
                kept = keep(caller, key, token, capturing);
            }
        } finally {
            if (!kept) {
                release(caller, key, token);
            }
        }
        capturing.copyBodyToResponse();
    }

    private boolean keep(String caller, String key, String token, CapturingResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = HttpHeaders.CONTENT_TYPE.equals(name) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try {
            store.complete(
                    caller,
                    key,
                    token,
                    new StoredResponse(response.getStatus(), headers, response.getContentAsByteArray()));
            return true;
        } catch (DataAccessException failure) {
            // The request ran and its answer still goes out; only a retry will not find it.
            log.warn("could not keep the answer for an idempotency key: {}", failure.toString());
            return false;
        }
    }

    private void release(String caller, String key, String token) {
        try {
            store.release(caller, key, token);
        } catch (DataAccessException failure) {
            // The claim lapses after idempotency.in-progress-timeout instead.
            log.warn("could not release an idempotency key: {}", failure.toString());
        }
    }

    private void answerHeld(
            HttpServletRequest request,
            HttpServletResponse response,
            String fingerprint,
            IdempotencyStore.Claim.Held held)
            throws IOException {
        if (!held.fingerprint().equals(fingerprint)) {
            write(request, response, reused(), Map.of());
        } else if (held.response().isEmpty()) {
            write(
                    request,
                    response,
                    inUse(),
                    Map.of(HttpHeaders.RETRY_AFTER, Integer.toString(IN_USE_RETRY_AFTER_SECONDS)));
        } else {
            StoredResponse stored = held.response().get();
            response.setStatus(stored.status());
            stored.headers().forEach(response::setHeader);
            response.setHeader(REPLAYED_HEADER, "true");
            byte[] body = stored.body();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** The token's subject: keys of different callers never meet. */
    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getSubject();
        }
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return authentication.getName();
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null
                ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static ProblemDetail invalidKey() {
        String reason = "must be sent once, as 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (no spaces)";
        return ApiProblemHandling.naming(
                ApiProblemHandling.problem(
                        HttpStatus.BAD_REQUEST,
                        SharedProblem.INVALID_IDEMPOTENCY_KEY,
                        "the " + HEADER + " header " + reason),
                HEADER,
                reason);
    }

    private static ProblemDetail reused() {
        String reason = "was already used for a different request (another path or body)";
        return ApiProblemHandling.naming(
                ApiProblemHandling.problem(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        SharedProblem.IDEMPOTENCY_KEY_REUSED,
                        "this " + HEADER + " " + reason + "; send a new key with a new request"),
                HEADER,
                reason);
    }

    private static ProblemDetail inUse() {
        return ApiProblemHandling.problem(
                HttpStatus.CONFLICT,
                SharedProblem.IDEMPOTENCY_KEY_IN_USE,
                "a request with this " + HEADER + " is still being handled; retry once it has been answered");
    }

    private static ProblemDetail exhausted(int maxKeysPerCaller) {
        return ApiProblemHandling.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                SharedProblem.IDEMPOTENCY_KEYS_EXHAUSTED,
                "you hold " + maxKeysPerCaller + " unexpired " + HEADER
                        + "s, as many as a caller may: send this request"
                        + " without a key, or with a new key once older ones expire");
    }

    private static ProblemDetail unavailable() {
        return ApiProblemHandling.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                SharedProblem.SERVICE_UNAVAILABLE,
                "the service's database is unavailable for the moment; nothing was done. Retry after "
                        + UNAVAILABLE_RETRY_AFTER_SECONDS + " seconds with the same " + HEADER);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemDetail problem,
            Map<String, String> headers)
            throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // The problem is still answered, without an instance.
        }
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body already read, so the fingerprint and the handler both see it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unsupported) {
                // Read as UTF-8, as the JSON reader would.
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Keeps the answer's body; an answer sent with sendError (a container error page) is never kept. */
    private static final class CapturingResponse extends ContentCachingResponseWrapper {

        private boolean errorSent;

        CapturingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }

        boolean isWorthKeeping() {
            return !errorSent && getStatus() < 500;
        }
    }
}
