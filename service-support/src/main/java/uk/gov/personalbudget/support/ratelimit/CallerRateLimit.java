package uk.gov.personalbudget.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.personalbudget.support.web.ApiProblemHandling;
import uk.gov.personalbudget.support.web.SharedProblem;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a caller who sends more than their share: {@code 429 too-many-requests} with {@code Retry-After}, before
 * anything runs (Bucket4j token buckets, one per caller and instance). It sits just behind Spring Security, so the
 * caller is the token's {@code sub}; requests without a valid token never reach it.
 */
public class CallerRateLimit extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final ObjectMapper json;
    private final Counter refused;
    private final Map<String, Bucket> buckets;

    public CallerRateLimit(RateLimitProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.json = json;
        this.refused = Counter.builder("api.rate_limit.refused")
                .description("Requests refused with 429 because their caller sent more than api.rate-limit allows")
                .register(meters);
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > properties.callers();
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = caller();
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(caller, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() - 1) + 1);
        ProblemDetail problem = ApiProblemHandling.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                SharedProblem.TOO_MANY_REQUESTS,
                "you sent more than " + properties.perSecond() + " requests a second: wait " + retryAfterSeconds
                        + " s and send again");
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // The problem is still answered, without an instance.
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private Bucket newBucket(String caller) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.burst())
                        .refillGreedy(properties.perSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getSubject()
                : null;
    }
}
