package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.fieldAtFault;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/**
 * {@code Idempotency-Key} on every POST: a retry gets the first answer and stores nothing more; the key with
 * another request is a 422; a rejection is remembered like a success.
 */
class IdempotencyApiTest extends ApiTestSupport {

    static final String KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void everyCommandGivesARetryItsFirstAnswerWithoutASecondEvent(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());
        long before = api.version(id);
        String key = UUID.randomUUID().toString();
        // One body for both: some are made from the clock (an adjustment from now, a delegation's intended end), and
        // a second later differ.
        String body = command.validBody();

        MockHttpServletResponse first = send(id, command.command(), command.by(), body, key)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (before + 1) + "\""))
                .andExpect(header().doesNotExist(REPLAYED))
                .andReturn()
                .getResponse();
        MockHttpServletResponse retry = send(id, command.command(), command.by(), body, key)
                .andExpect(status().isOk())
                .andExpect(header().string(REPLAYED, "true"))
                .andReturn()
                .getResponse();

        assertSameAnswer(retry, first);
        assertThat(api.version(id)).as("events after the retry").isEqualTo(before + 1);
    }

    @Test
    void openingTwiceWithOneKeyOpensOneBudgetAndAnswersTheSameLocation() throws Exception {
        long storedBefore = api.storedEvents();

        MockHttpServletResponse first = open(Party.PRACTITIONER, Bodies.opening(), key("open-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andReturn()
                .getResponse();
        MockHttpServletResponse retry = open(Party.PRACTITIONER, Bodies.opening(), key("open-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string(REPLAYED, "true"))
                .andReturn()
                .getResponse();

        assertSameAnswer(retry, first);
        assertThat(retry.getHeader(HttpHeaders.LOCATION))
                .isEqualTo(first.getHeader(HttpHeaders.LOCATION))
                .isNotNull();
        assertThat(api.storedEvents()).isEqualTo(storedBefore + 1);
    }

    @Test
    void theSameContentLaidOutDifferentlyIsARetry() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        send(id, "record-outcome", Party.PERSON, """
                {"domain":"SOCIAL_PARTICIPATION_AND_RELATIONSHIPS","personsOwnWords":"I went out","recoveryGoalId":"G2"}""", key("o-1")).andExpect(status().isOk());

        send(id, "record-outcome", Party.PERSON, """
                {
                  "recoveryGoalId" : "G2",
                  "personsOwnWords" : "I went out",
                  "domain" : "SOCIAL_PARTICIPATION_AND_RELATIONSHIPS"
                }""", key("o-1"))
                .andExpect(status().isOk())
                .andExpect(header().string(REPLAYED, "true"));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), key("o-1")).andExpect(status().isOk());

        String anotherOutcome = Bodies.with(Bodies.outcome(), "personsOwnWords", "\"Another week\"");
        send(id, "record-outcome", Party.PERSON, anotherOutcome, key("o-1"))
                .andExpect(problem(422, "idempotency-key-reused"))
                .andExpect(fieldAtFault(KEY));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events());
    }

    @Test
    void theSameKeyOnAnotherCommandIs422AndStoresNothing() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        send(id, "record-outcome", Party.PERSON, Bodies.outcome(), key("k-1")).andExpect(status().isOk());

        send(id, "delegate-control", Party.PERSON, Bodies.delegation(), key("k-1"))
                .andExpect(problem(422, "idempotency-key-reused"));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events());
    }

    @Test
    void aRejectedCommandIsRememberedSoARetryGetsTheSameRejectionEvenOnceItWouldSucceed() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        String rejection = send(id, "approve-by-authority", Party.AUTHORITY, Bodies.approval(), key("approve-1"))
                .andExpect(problem(409, "plan-not-endorsed"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        api.send(id, "endorse-plan", Party.PRACTITIONER, Bodies.endorsement()).andExpect(status().isOk());
        long endorsed = api.version(id);

        String retried = send(id, "approve-by-authority", Party.AUTHORITY, Bodies.approval(), key("approve-1"))
                .andExpect(problem(409, "plan-not-endorsed"))
                .andExpect(header().string(REPLAYED, "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(retried).isEqualTo(rejection);
        assertThat(api.version(id)).isEqualTo(endorsed);
        send(id, "approve-by-authority", Party.AUTHORITY, Bodies.approval(), key("approve-2"))
                .andExpect(status().isOk());
    }

    @Test
    void anInvalidBodyIsRememberedToo() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        send(id, "record-outcome", Party.PERSON, "{}", key("bad-1")).andExpect(status().isBadRequest());

        send(id, "record-outcome", Party.PERSON, "{}", key("bad-1"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(REPLAYED, "true"));
    }

    @Test
    void aKeyBelongsToItsCallerAlone() throws Exception {
        long storedBefore = api.storedEvents();
        open(Party.PRACTITIONER, Bodies.opening(), key("shared-key")).andExpect(status().isCreated());

        open(Party.SYSTEM, Bodies.opening(), key("shared-key"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(REPLAYED));
        assertThat(api.storedEvents()).isEqualTo(storedBefore + 2);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "two words", "naïve", "tab\tkey"})
    void aKeyThatIsNotOneTo255VisibleAsciiCharactersIs400AndStoresNothing(String key) throws Exception {
        long storedBefore = api.storedEvents();

        open(Party.PRACTITIONER, Bodies.opening(), key)
                .andExpect(problem(400, "invalid-idempotency-key"))
                .andExpect(fieldAtFault(KEY));
        open(Party.PRACTITIONER, Bodies.opening(), "k".repeat(256)).andExpect(problem(400, "invalid-idempotency-key"));
        assertThat(api.storedEvents()).isEqualTo(storedBefore);
    }

    @Test
    void withoutAKeyEveryRequestRunsAsBefore() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        api.send(id, "record-outcome", Party.PERSON, Bodies.outcome()).andExpect(status().isOk());
        api.send(id, "record-outcome", Party.PERSON, Bodies.outcome()).andExpect(status().isOk());

        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events() + 1);
    }

    @Test
    void concurrentRequestsWithOneKeyStoreOneEvent() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        int callers = 6;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return send(id, "record-outcome", Party.PERSON, Bodies.outcome(), key("together"))
                            .andReturn()
                            .getResponse();
                }));
            }
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }

            List<MockHttpServletResponse> ran = responses.stream()
                    .filter(response -> response.getStatus() == 200 && response.getHeader(REPLAYED) == null)
                    .toList();
            assertThat(ran).as("requests that ran").hasSize(1);
            for (MockHttpServletResponse response : responses) {
                if (response.getStatus() == 200) {
                    assertSameAnswer(response, ran.get(0));
                } else {
                    assertThat(response.getStatus()).isEqualTo(409);
                    assertThat(response.getContentAsString()).contains(ApiClient.PROBLEM + "idempotency-key-in-use");
                    assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                }
            }
            assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Keys are the caller's across the whole shared context: each test's own are unique. */
    private final String run = UUID.randomUUID().toString();

    private String key(String name) {
        return name + "-" + run;
    }

    private ResultActions send(String id, String command, Party by, String body, String key) throws Exception {
        return api.perform(
                withBody(post(BUDGETS + "/" + id + "/" + command), body).header(KEY, key), by);
    }

    private ResultActions open(Party by, String body, String key) throws Exception {
        return api.perform(withBody(post(BUDGETS), body).header(KEY, key), by);
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static void assertSameAnswer(MockHttpServletResponse retry, MockHttpServletResponse first)
            throws Exception {
        assertThat(retry.getStatus()).isEqualTo(first.getStatus());
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader(HttpHeaders.ETAG)).isEqualTo(first.getHeader(HttpHeaders.ETAG));
        assertThat(retry.getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getHeader(HttpHeaders.LOCATION));
        assertThat(MediaType.parseMediaType(retry.getContentType()))
                .isEqualTo(MediaType.parseMediaType(first.getContentType()));
    }
}
