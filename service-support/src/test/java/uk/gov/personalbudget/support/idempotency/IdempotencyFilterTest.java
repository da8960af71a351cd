package uk.gov.personalbudget.support.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter in front of a handler that counts its runs, with keys in H2 as a service keeps them. */
class IdempotencyFilterTest {

    private static final String OPEN = "/api/v1/budgets";
    private static final String OUTCOME = "/api/v1/budgets/b-1/record-outcome";
    private static final String BODY = "{\"person\":\"P-1001\",\"localAuthority\":\"Northshire\"}";
    private static final String PROBLEM = "urn:personal-budget:problem:";

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final JdbcIdempotencyStore store = new JdbcIdempotencyStore(
            KeyTable.create(), json, new MutableClock(), Duration.ofHours(24), Duration.ofMinutes(1), 10_000);
    private final IdempotencyFilter filter = new IdempotencyFilter(store, json, List.of("/api/**"));
    private final AtomicInteger runs = new AtomicInteger();

    /** What the handler behind the filter does. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Handler created = (request, response) -> {
        response.setStatus(201);
        response.setHeader("Location", "http://localhost" + OPEN + "/b-" + runs.get());
        response.setHeader("ETag", "\"0\"");
        response.setHeader("X-Not-Kept", "run " + runs.get());
        response.setContentType("application/json");
        String body = "{\"id\":\"b-" + runs.get() + "\",\"version\":0}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    };

    @BeforeEach
    void authenticate() {
        authenticateAs("pr-ellis");
    }

    @AfterEach
    void clearAuthentication() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRetryGetsTheFirstAnswerAgainWithoutRunningTheRequest() throws Exception {
        MockHttpServletResponse first = post(OPEN, "k-1", BODY, created);
        MockHttpServletResponse retry = post(OPEN, "k-1", BODY, created);

        assertThat(runs).hasValue(1);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader("Location"))
                .isEqualTo(first.getHeader("Location"))
                .endsWith("/b-1");
        assertThat(retry.getHeader("ETag")).isEqualTo("\"0\"");
        assertThat(retry.getContentType()).isEqualTo("application/json");
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getHeader("X-Not-Kept")).isNull();
    }

    @Test
    void theHandlerReadsTheWholeBodyAfterTheFilterHasFingerprintedIt() throws Exception {
        MockHttpServletResponse echoed = post(
                OPEN,
                "k-1",
                BODY,
                (request, response) -> response.getOutputStream()
                        .write(request.getInputStream().readAllBytes()));

        assertThat(echoed.getContentAsString()).isEqualTo(BODY);
    }

    @Test
    void theSameContentLaidOutDifferentlyIsTheSameRequest() throws Exception {
        post(OPEN, "k-1", BODY, created);
        MockHttpServletResponse retry =
                post(OPEN, "k-1", "{ \"localAuthority\" : \"Northshire\",\n  \"person\" : \"P-1001\" }", created);

        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndRunsNothing() throws Exception {
        post(OPEN, "k-1", BODY, created);
        MockHttpServletResponse reused = post(OPEN, "k-1", BODY.replace("P-1001", "P-2002"), created);

        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(problem(reused).get("field").textValue()).isEqualTo("Idempotency-Key");
        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameKeyOnAnotherPathIs422() throws Exception {
        post(OPEN, "k-1", BODY, created);

        assertProblem(post(OUTCOME, "k-1", BODY, created), 422, "idempotency-key-reused");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRejectionIsKeptSoARetryGetsTheSameRejection() throws Exception {
        Handler rejectsFirst = (request, response) -> {
            if (runs.get() == 1) {
                response.setStatus(409);
                response.setContentType("application/problem+json");
                response.getWriter()
                        .write("{\"type\":\"urn:personal-budget:problem:plan-not-endorsed\",\"status\":409,"
                                + "\"detail\":\"the plan is not endorsed\"}");
            } else {
                created.handle(request, response);
            }
        };
        post(OUTCOME, "k-1", BODY, rejectsFirst);
        MockHttpServletResponse retry = post(OUTCOME, "k-1", BODY, rejectsFirst);

        assertProblem(retry, 409, "plan-not-endorsed");
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aServerErrorIsForgottenSoARetryRuns() throws Exception {
        Handler failsFirst = (request, response) -> {
            if (runs.get() == 1) {
                response.setStatus(503);
                response.getWriter().write("{\"status\":503}");
            } else {
                created.handle(request, response);
            }
        };
        assertThat(post(OPEN, "k-1", BODY, failsFirst).getStatus()).isEqualTo(503);

        MockHttpServletResponse retry = post(OPEN, "k-1", BODY, failsFirst);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(post(OPEN, "k-1", BODY, failsFirst).getHeader(IdempotencyFilter.REPLAYED_HEADER))
                .isEqualTo("true");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aHandlerThatThrowsLeavesTheKeyFreeForARetry() throws Exception {
        Handler throwsFirst = (request, response) -> {
            if (runs.get() == 1) {
                throw new IllegalStateException("the command bus is down");
            }
            created.handle(request, response);
        };
        assertThatThrownBy(() -> post(OPEN, "k-1", BODY, throwsFirst)).hasMessage("the command bus is down");

        assertThat(post(OPEN, "k-1", BODY, throwsFirst).getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(2);
    }

    @Test
    void anAnswerLeftToTheContainersErrorPageIsNotKept() throws Exception {
        Handler sendsErrorFirst = (request, response) -> {
            if (runs.get() == 1) {
                response.sendError(404);
            } else {
                created.handle(request, response);
            }
        };
        post(OPEN, "k-1", BODY, sendsErrorFirst);

        assertThat(post(OPEN, "k-1", BODY, sendsErrorFirst).getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aSecondRequestWhileTheFirstIsRunningIs409AndDoesNotRun() throws Exception {
        CountDownLatch firstIsRunning = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        Handler slow = (request, response) -> {
            firstIsRunning.countDown();
            try {
                assertThat(mayFinish.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            created.handle(request, response);
        };
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> {
            authenticateAs("pr-ellis");
            try {
                return post(OPEN, "k-1", BODY, slow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(firstIsRunning.await(30, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = post(OPEN, "k-1", BODY, slow);
        assertProblem(second, 409, "idempotency-key-in-use");
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");

        mayFinish.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockHttpServletResponse third = post(OPEN, "k-1", BODY, slow);
        assertThat(third.getStatus()).isEqualTo(201);
        assertThat(third.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs).hasValue(1);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "two words", "tab\there", "naïve", "line\nbreak", "\u007F"})
    void aKeyThatIsNotVisibleAsciiIs400(String key) throws Exception {
        MockHttpServletResponse rejected = post(OPEN, key, BODY, created);

        assertProblem(rejected, 400, "invalid-idempotency-key");
        assertThat(problem(rejected).get("field").textValue()).isEqualTo("Idempotency-Key");
        assertThat(runs).hasValue(0);
    }

    @Test
    void aKeyOf255VisibleCharactersIsAcceptedAndOf256Is400() throws Exception {
        StringBuilder visible = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            visible.append(c);
        }
        String longest = visible.toString().repeat(3).substring(0, 255);

        assertThat(post(OPEN, longest, BODY, created).getStatus()).isEqualTo(201);
        assertThat(post(OPEN, longest, BODY, created).getHeader(IdempotencyFilter.REPLAYED_HEADER))
                .isEqualTo("true");
        assertProblem(post(OPEN, longest + "x", BODY, created), 400, "invalid-idempotency-key");
        assertThat(runs).hasValue(1);
    }

    @Test
    void twoKeysOnOneRequestAre400() throws Exception {
        MockHttpServletRequest request = request("POST", OPEN, "k-1", BODY);
        request.addHeader(IdempotencyFilter.HEADER, "k-2");

        assertProblem(perform(request, created), 400, "invalid-idempotency-key");
        assertThat(runs).hasValue(0);
    }

    @Test
    void withoutAKeyEveryRequestRuns() throws Exception {
        post(OPEN, null, BODY, created);
        post(OPEN, null, BODY, created);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aKeyBelongsToItsCaller() throws Exception {
        post(OPEN, "k-1", BODY, created);
        authenticateAs("au-okafor");
        MockHttpServletResponse another = post(OPEN, "k-1", BODY, created);

        assertThat(another.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(runs).hasValue(2);
    }

    @Test
    void onlyPostsUnderTheConfiguredPathsAreConcerned() throws Exception {
        perform(request("GET", OPEN, "k-1", null), created);
        perform(request("GET", OPEN, "k-1", null), created);
        post("/dev/tokens", "k-1", BODY, created);
        post("/dev/tokens", "k-1", BODY, created);

        assertThat(runs).hasValue(4);
    }

    @Test
    void withoutAnAuthenticatedCallerTheKeyIsIgnored() throws Exception {
        SecurityContextHolder.clearContext();
        post(OPEN, "k-1", BODY, created);
        post(OPEN, "k-1", BODY, created);

        assertThat(runs).hasValue(2);
    }

    @Test
    void whenTheKeysCannotBeReadTheAnswerIs503AndNothingRuns() throws Exception {
        IdempotencyStore down = new IdempotencyStore() {
            @Override
            public Claim claim(String caller, String key, String fingerprint) {
                throw new DataAccessResourceFailureException("connection refused");
            }

            @Override
            public void complete(String caller, String key, String token, StoredResponse response) {}

            @Override
            public void release(String caller, String key, String token) {}

            @Override
            public int purgeExpired() {
                return 0;
            }
        };
        MockHttpServletResponse response = perform(
                new IdempotencyFilter(down, json, List.of("/api/**")), request("POST", OPEN, "k-1", BODY), created);

        assertProblem(response, 503, "service-unavailable");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(runs).hasValue(0);
    }

    private MockHttpServletResponse post(String path, String key, String body, Handler handler) throws Exception {
        return perform(request("POST", path, key, body), handler);
    }

    private static MockHttpServletRequest request(String method, String path, String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (key != null) {
            request.addHeader(IdempotencyFilter.HEADER, key);
        }
        if (body != null) {
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }

    private MockHttpServletResponse perform(MockHttpServletRequest request, Handler handler) throws Exception {
        return perform(filter, request, handler);
    }

    private MockHttpServletResponse perform(IdempotencyFilter filter, MockHttpServletRequest request, Handler handler)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                runs.incrementAndGet();
                handler.handle(request, response);
            }
        }));
        return response;
    }

    private static void authenticateAs(String subject) {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .claim("role", "PRACTITIONER")
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    private JsonNode problem(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsByteArray());
    }

    private void assertProblem(MockHttpServletResponse response, int status, String slug) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = problem(response);
        assertThat(problem.get("type").textValue()).isEqualTo(PROBLEM + slug);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("detail").textValue()).isNotBlank();
    }
}
