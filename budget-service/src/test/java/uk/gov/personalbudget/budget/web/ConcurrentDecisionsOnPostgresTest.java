package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.gov.personalbudget.budget.BudgetServiceApplication;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conflicting decisions at the same moment on a real PostgreSQL, over real HTTP: approving and declining one
 * endorsed plan, with no If-Match, from two threads. Exactly one succeeds; the other is refused (409, by the
 * lifecycle rule or as a concurrent change) and stores nothing. Within one instance Axon's per-budget lock
 * orders the two; across two instances on one database only the event store's unique (aggregate, sequence)
 * can, and it does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestPropertySource(properties = "budget.publication.enabled=false")
class ConcurrentDecisionsOnPostgresTest {

    private static final EmbeddedPostgresServer.Database DATABASE = EmbeddedPostgresServer.newDatabase();
    private static final int ROUNDS = 10;
    private static final List<String> REFUSALS =
            List.of(ApiClient.PROBLEM + "plan-not-endorsed", ApiClient.PROBLEM + "concurrent-change");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerAsDataSource(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private DevTokenIssuer tokens;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ConfigurableApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void approvalAndDeclineAtTheSameMomentNeverBothSucceed() throws Exception {
        Node node = new Node("http://localhost:" + port, tokens);
        for (int round = 0; round < ROUNDS; round++) {
            decideTogether(node, node, round);
        }
    }

    @Test
    void approvalAndDeclineAtTheSameMomentOnTwoInstancesNeverBothSucceed() throws Exception {
        Node first = new Node("http://localhost:" + port, tokens);
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            Node second = new Node(baseUrl(secondInstance), secondInstance.getBean(DevTokenIssuer.class));
            for (int round = 0; round < ROUNDS; round++) {
                decideTogether(first, second, round);
            }
        }
    }

    @Test
    void aLifecycleWhoseCommandsAlternateBetweenTwoInstancesRunsAsOnOne() throws Exception {
        Node first = new Node("http://localhost:" + port, tokens);
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            Node second = new Node(baseUrl(secondInstance), secondInstance.getBean(DevTokenIssuer.class));
            List<Node> roundRobin = List.of(first, second);
            double staleBefore = staleCopiesFound(context) + staleCopiesFound(secondInstance);
            int commands = 0;
            for (int round = 0; round < ROUNDS; round++) {
                // Each command to the other instance than the one before, as a round-robin balancer sends them.
                HttpResponse<String> opened = roundRobin
                        .get(commands++ % 2)
                        .post("/api/v1/budgets", Bodies.opening(), Party.PRACTITIONER, Map.of());
                assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
                String budget = json.readTree(opened.body()).get("id").textValue();
                for (Stage.Step step : Stage.CLOSED.steps()) {
                    String body = step.body().get();
                    HttpResponse<String> answer = roundRobin
                            .get(commands++ % 2)
                            .post(
                                    "/api/v1/budgets/" + budget + "/" + step.command(),
                                    body == null ? "" : body,
                                    step.by(),
                                    Map.of());
                    assertThat(answer.statusCode())
                            .as("round %d, %s: %s", round, step.command(), answer.body())
                            .isEqualTo(200);
                }
                assertThat(eventsOf(budget)).isEqualTo(Stage.CLOSED.events());
            }
            double stale = staleCopiesFound(context) + staleCopiesFound(secondInstance) - staleBefore;
            System.out.printf(
                    "%d commands sent round-robin to two instances, none refused; %.0f decided again on the"
                            + " stored budget after their cached copy was found stale%n",
                    commands, stale);
            assertThat(stale).isPositive();
        }
    }

    @Test
    void anInstanceThatMissedTheOtherInstancesChangeRefusesAStaleIfMatch() throws Exception {
        Node first = new Node("http://localhost:" + port, tokens);
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            Node second = new Node(baseUrl(secondInstance), secondInstance.getBean(DevTokenIssuer.class));
            String budget = budgetAt(first, Stage.PLAN_ENDORSED);
            String endorsed = "\"" + (Stage.PLAN_ENDORSED.events() - 1) + "\"";

            HttpResponse<String> decline =
                    declineAfterTheOtherApproved(first, second, budget, Map.of("If-Match", endorsed));

            assertThat(decline.statusCode()).as(decline.body()).isEqualTo(412);
            assertThat(eventsOf(budget)).isEqualTo(Stage.PLAN_ENDORSED.events() + 1);
        }
    }

    @Test
    void anInstanceThatMissedTheOtherInstancesDecisionCannotStoreAConflictingOne() throws Exception {
        Node first = new Node("http://localhost:" + port, tokens);
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            Node second = new Node(baseUrl(secondInstance), secondInstance.getBean(DevTokenIssuer.class));
            // The first instance took the budget to its endorsement, so its aggregate cache holds the endorsed
            // budget: the decline that copy accepts cannot be appended (the approval holds its sequence number), and
            // the decline decided again on the approved budget the store holds is refused.
            String budget = budgetAt(first, Stage.PLAN_ENDORSED);

            HttpResponse<String> decline = declineAfterTheOtherApproved(first, second, budget, Map.of());

            assertThat(decline.statusCode()).as(decline.body()).isEqualTo(409);
            assertThat(json.readTree(decline.body()).get("type").textValue()).isIn(REFUSALS);
            System.out.println("decline on the instance that missed the approval: " + decline.body());
            assertThat(eventsOf(budget)).isEqualTo(Stage.PLAN_ENDORSED.events() + 1);
            assertThat(lastEventType(budget)).endsWith("PlanApprovedByAuthority");
        }
    }

    @Test
    void aCommandTheStaleCopyWouldRefuseIsDecidedOnTheStoredBudget() throws Exception {
        Node first = new Node("http://localhost:" + port, tokens);
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            Node second = new Node(baseUrl(secondInstance), secondInstance.getBean(DevTokenIssuer.class));
            // The first instance caches the submitted plan; the second endorses it.
            String budget = budgetAt(first, Stage.PLAN_SUBMITTED);
            assertThat(second.post(
                                    "/api/v1/budgets/" + budget + "/endorse-plan",
                                    Bodies.endorsement(),
                                    Party.PRACTITIONER,
                                    Map.of())
                            .statusCode())
                    .isEqualTo(200);
            double reloadsBefore = reloads(context);

            // Its copy would refuse the approval (the plan is not endorsed there); the stored budget accepts it.
            HttpResponse<String> approval = first.post(
                    "/api/v1/budgets/" + budget + "/approve-by-authority",
                    Bodies.approval(),
                    Party.AUTHORITY,
                    Map.of());

            assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
            assertThat(lastEventType(budget)).endsWith("PlanApprovedByAuthority");
            assertThat(eventsOf(budget)).isEqualTo(Stage.PLAN_ENDORSED.events() + 1);
            assertThat(reloads(context) - reloadsBefore).isEqualTo(1);
        }
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyStoreOneEvent() throws Exception {
        Node node = new Node("http://localhost:" + port, tokens);
        String budget = budgetAt(node, Stage.ACTIVE);
        int callers = 6;
        List<HttpResponse<String>> answers = together(
                callers,
                caller -> node.post(
                        "/api/v1/budgets/" + budget + "/record-outcome",
                        Bodies.outcome(),
                        Party.PERSON,
                        Map.of("Idempotency-Key", "pg-together")));

        List<HttpResponse<String>> ran = answers.stream()
                .filter(answer -> answer.statusCode() == 200
                        && answer.headers().firstValue("Idempotent-Replayed").isEmpty())
                .toList();
        assertThat(ran)
                .as(
                        "requests that ran, of %s",
                        answers.stream()
                                .map(answer -> answer.statusCode() + " "
                                        + answer.headers().map() + " " + answer.body())
                                .toList())
                .hasSize(1);
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).isEqualTo(ran.get(0).body());
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                assertThat(answer.body()).contains(ApiClient.PROBLEM + "idempotency-key-in-use");
            }
        }
        assertThat(eventsOf(budget)).isEqualTo(Stage.ACTIVE.events() + 1);
    }

    /** The second instance approves the endorsed plan, then the first (whose cache holds it endorsed) declines it. */
    private static HttpResponse<String> declineAfterTheOtherApproved(
            Node first, Node second, String budget, Map<String, String> headers) throws Exception {
        assertThat(second.post(
                                "/api/v1/budgets/" + budget + "/approve-by-authority",
                                Bodies.approval(),
                                Party.AUTHORITY,
                                headers)
                        .statusCode())
                .isEqualTo(200);
        return first.post(
                "/api/v1/budgets/" + budget + "/decline-by-authority", Bodies.decline(), Party.AUTHORITY, headers);
    }

    /** One round: a fresh endorsed plan, then approve on one node and decline on the other at once. */
    private void decideTogether(Node approver, Node decliner, int round) throws Exception {
        String budget = budgetAt(approver, Stage.PLAN_ENDORSED);
        String path = "/api/v1/budgets/" + budget;
        List<HttpResponse<String>> answers = together(
                2,
                caller -> caller == 0
                        ? approver.post(path + "/approve-by-authority", Bodies.approval(), Party.AUTHORITY, Map.of())
                        : decliner.post(path + "/decline-by-authority", Bodies.decline(), Party.AUTHORITY, Map.of()));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("round " + round + ": approve, decline").containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> refused = answers.get(statuses.indexOf(409));
        assertThat(json.readTree(refused.body()).get("type").textValue())
                .as(refused.body())
                .isIn(REFUSALS);
        assertThat(eventsOf(budget)).as("events of round " + round).isEqualTo(Stage.PLAN_ENDORSED.events() + 1);
        boolean approved = statuses.get(0) == 200;
        assertThat(lastEventType(budget)).endsWith(approved ? "PlanApprovedByAuthority" : "PlanDeclinedByAuthority");
        System.out.printf(
                "round %d: %s won; the other got %s%n",
                round,
                approved ? "approve" : "decline",
                json.readTree(refused.body()).get("type").textValue());
    }

    private String budgetAt(Node node, Stage stage) throws Exception {
        HttpResponse<String> opened = node.post("/api/v1/budgets", Bodies.opening(), Party.PRACTITIONER, Map.of());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String budget = json.readTree(opened.body()).get("id").textValue();
        for (Stage.Step step : stage.steps()) {
            String body = step.body().get();
            HttpResponse<String> answer = node.post(
                    "/api/v1/budgets/" + budget + "/" + step.command(), body == null ? "" : body, step.by(), Map.of());
            assertThat(answer.statusCode())
                    .as(step.command() + ": " + answer.body())
                    .isEqualTo(200);
        }
        return budget;
    }

    /** Runs {@code callers} requests released at the same moment by a barrier; their answers in caller order. */
    private static List<HttpResponse<String>> together(int callers, Call call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                futures.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.send(caller);
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send(int caller) throws Exception;
    }

    /**
     * Commands decided again because a cached copy was stale: refused on it ({@link #reloads}), or accepted on it and
     * refused by the event store's unique sequence ({@code budget.command.retries}).
     */
    private static double staleCopiesFound(ConfigurableApplicationContext instance) {
        return reloads(instance) + count(instance, BudgetCommands.RETRIES);
    }

    /** Cached copies found stale and brought up to date, before use or after a refusal on them. */
    private static double reloads(ConfigurableApplicationContext instance) {
        return count(instance, "budget.aggregate.reloads");
    }

    private static double count(ConfigurableApplicationContext instance, String counterName) {
        Counter counter =
                instance.getBean(MeterRegistry.class).find(counterName).counter();
        return counter == null ? 0 : counter.count();
    }

    private long eventsOf(String budget) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, budget);
    }

    private String lastEventType(String budget) {
        return jdbc.queryForObject(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1",
                String.class,
                budget);
    }

    private static ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(BudgetServiceApplication.class)
                .run(
                        "--spring.profiles.active=local",
                        "--server.port=0",
                        "--spring.datasource.url=" + DATABASE.url(),
                        "--spring.datasource.username=" + DATABASE.username(),
                        "--spring.datasource.password=" + DATABASE.password(),
                        "--budget.publication.enabled=false");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** One running instance of the service, with its own development tokens. */
    private final class Node {

        private final String baseUrl;
        private final DevTokenIssuer issuer;

        Node(String baseUrl, DevTokenIssuer issuer) {
            this.baseUrl = baseUrl;
            this.issuer = issuer;
        }

        HttpResponse<String> post(String path, String body, Party by, Map<String, String> headers) throws Exception {
            String token = issuer.issue(by.sub, by.role, by.person, by.authorisationLimit, TokenHolder.HOME_COUNCIL);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
