package uk.gov.personalbudget.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CallerRateLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallerRateLimit limit =
            new CallerRateLimit(new RateLimitProperties(true, 2, 3, 100), new ObjectMapper(), meters);
    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallerWhoFloodsGets429WithRetryAfterAndNothingRuns() throws Exception {
        for (int request = 0; request < 3; request++) {
            assertThat(send("pr-flood").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send("pr-flood");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("urn:personal-budget:problem:too-many-requests");
        assertThat(ran).hasValue(3);
        assertThat(meters.counter("api.rate_limit.refused").count()).isEqualTo(1);
    }

    @Test
    void anotherCallerIsNotHeldBackByTheFlood() throws Exception {
        for (int request = 0; request < 4; request++) {
            send("pr-flood");
        }

        assertThat(send("pr-calm").getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutACallerIsLeftToSpringSecurity() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        for (int request = 0; request < 5; request++) {
            limit.doFilter(new MockHttpServletRequest("GET", "/api/v1/budgets/b"), response, countingChain());
        }
        assertThat(ran).hasValue(5);
    }

    private MockHttpServletResponse send(String caller) throws Exception {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(caller)
                .claim("role", "PRACTITIONER")
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("GET", "/api/v1/budgets/b"), response, countingChain());
        return response;
    }

    private MockFilterChain countingChain() {
        return new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                ran.incrementAndGet();
            }
        };
    }
}
