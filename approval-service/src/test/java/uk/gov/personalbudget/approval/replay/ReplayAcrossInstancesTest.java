package uk.gov.personalbudget.approval.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.event.ConsumerStartedEvent;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import uk.gov.personalbudget.approval.ApprovalServiceApplication;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.ProjectionWriter;
import uk.gov.personalbudget.approval.support.BudgetEventTopic;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two approval-service instances in one consumer group, on one PostgreSQL database and one Kafka broker, as a
 * scaled-out deployment runs them: a replay started on either pauses intake on both, rebuilds once, switches
 * both to the new generation and resumes both, while events keep arriving; two replays requested at once run
 * once.
 */
@EmbeddedKafka(kraft = true, partitions = 4, topics = ReplayAcrossInstancesTest.TOPIC)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayAcrossInstancesTest {

    static final String TOPIC = "personal-budget-events";
    private static final String GROUP = "approval-service";
    private static final Duration WITHIN = Duration.ofSeconds(90);
    /** Each instance's consumer threads (APPROVAL_INTAKE_CONSUMERS's default): each one a member of the group. */
    private static final int CONSUMERS_PER_INSTANCE = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();
    private final List<EventEnvelope> published = Collections.synchronizedList(new ArrayList<>());
    private EmbeddedKafkaBroker broker;
    private BudgetEventTopic topic;
    private Admin admin;
    private Instance first;
    private Instance second;

    @BeforeAll
    void startTwoInstances(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        topic = new BudgetEventTopic(broker.getBrokersAsString(), TOPIC);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        first = new Instance("first");
        second = new Instance("second");
        await().atMost(WITHIN).until(() -> groupMembers() == 2 * CONSUMERS_PER_INSTANCE);
    }

    @AfterAll
    void stopThem() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, topic, admin}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // Closing what is left; the test's outcome is decided.
            }
        }
    }

    @Test
    void aReplayStartedOnOneInstancePausesBothRebuildsOnceAndBothAnswerTheSameAfterwards() throws Exception {
        for (int i = 0; i < 20; i++) {
            publish(LifecycleEvents.fullLifecycle("PB-" + UUID.randomUUID()).envelopes());
        }
        awaitCaughtUp();
        Generations generations = first.bean(Generations.class);
        ProjectionWriter writer = first.bean(ProjectionWriter.class);
        int before = generations.currentGeneration();
        first.intake.clear();
        second.intake.clear();

        AtomicBoolean publishing = new AtomicBoolean(true);
        CompletableFuture<Integer> arriving = CompletableFuture.supplyAsync(() -> {
            int budgets = 0;
            while (publishing.get() && budgets < 500) {
                publish(LifecycleEvents.budget("PB-" + UUID.randomUUID())
                        .opened()
                        .assessed()
                        .offered(1_400_000)
                        .accepted()
                        .submitted(1_400_000)
                        .endorsed("Realistic")
                        .envelopes());
                budgets++;
            }
            return budgets;
        });
        await().atMost(WITHIN).until(() -> published.size() > 20 * 28);

        MockHttpServletResponse started = first.perform(post("/api/v1/replays"));
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        UUID replay = UUID.fromString(json(started).get("id").asText());
        int publishedAtStart = published.size();
        JsonNode done = await().atMost(WITHIN)
                .until(
                        () -> json(second.perform(get("/api/v1/replays/" + replay))),
                        answer -> answer.get("status").asText().equals("COMPLETED"));
        int publishedAtEnd = published.size();
        publishing.set(false);
        assertThat(arriving.get()).isPositive();
        assertThat(publishedAtEnd).as("events arrived while the replay ran").isGreaterThan(publishedAtStart);
        assertThat(json(first.perform(get("/api/v1/replays/" + replay))))
                .as("both instances tell the same")
                .isEqualTo(done);
        awaitCaughtUp();

        for (Instance instance : List.of(first, second)) {
            assertThat(instance.intake)
                    .as("%s's intake paused, then resumed", instance.name)
                    .containsSubsequence("stopped", "started");
        }
        assertThat(first.bean(JdbcTemplate.class)
                        .queryForList("SELECT phase, generation FROM replay_run WHERE id = ?", replay.toString()))
                .as("the replay ran once, into one new generation")
                .containsExactly(Map.of("phase", "DONE", "generation", before + 1));
        assertThat(generations.currentGeneration()).isEqualTo(before + 1);
        assertThat(generations.pendingGeneration()).isEmpty();

        for (String budget : List.of(budgetOf(0), budgetOf(published.size() / 2), budgetOf(published.size() - 1))) {
            String path = "/api/v1/budgets/" + budget + "/control-trail";
            assertThat(first.perform(get(path)).getContentAsString())
                    .as(path)
                    .isEqualTo(second.perform(get(path)).getContentAsString());
        }
        assertThat(queue(first)).isNotEmpty().isEqualTo(queue(second));

        // What the replay rebuilt, against every event projected as intake projects it, in the same database.
        int live = generations.startGeneration();
        try {
            writer.apply(List.copyOf(published), live);
            assertThat(generations.compareGenerations(before + 1, live).identical())
                    .as("%s", generations.compareGenerations(before + 1, live))
                    .isTrue();
        } finally {
            generations.discard(live);
        }
    }

    @Test
    void twoReplaysRequestedAtOnceOnTwoInstancesRunOnceAndTheOtherIsToldWhichRuns() throws Exception {
        publish(LifecycleEvents.fullLifecycle("PB-" + UUID.randomUUID()).envelopes());
        awaitCaughtUp();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<MockHttpServletResponse>> answers = new ArrayList<>();
        for (Instance instance : List.of(first, second)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return instance.perform(post("/api/v1/replays"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<MockHttpServletResponse> responses = new ArrayList<>();
        for (CompletableFuture<MockHttpServletResponse> answer : answers) {
            responses.add(answer.get());
        }

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(202, 409);
        MockHttpServletResponse running =
                responses.stream().filter(r -> r.getStatus() == 202).findFirst().orElseThrow();
        MockHttpServletResponse refused =
                responses.stream().filter(r -> r.getStatus() == 409).findFirst().orElseThrow();
        String id = json(running).get("id").asText();
        assertThat(json(refused).get("type").asText()).endsWith("replay-already-running");
        assertThat(json(refused).get("replay").asText()).isEqualTo("/api/v1/replays/" + id);
        assertThat(json(refused).get("detail").asText()).contains(id);
        await().atMost(WITHIN)
                .until(() -> json(second.perform(get("/api/v1/replays/" + id)))
                        .get("status")
                        .asText()
                        .equals("COMPLETED"));
        assertThat(first.bean(JdbcTemplate.class)
                        .queryForObject(
                                "SELECT COUNT(*) FROM replay_run WHERE id <> ? "
                                        + "AND requested_at >= (SELECT requested_at FROM replay_run WHERE id = ?)",
                                Integer.class,
                                id,
                                id))
                .as("no other replay was recorded")
                .isZero();
    }

    private void publish(List<EventEnvelope> envelopes) {
        topic.publish(envelopes);
        published.addAll(envelopes);
    }

    private String budgetOf(int index) {
        return published.get(index).budgetId().value();
    }

    private void awaitCaughtUp() {
        await().atMost(WITHIN).until(() -> topic.caughtUp(GROUP));
    }

    private int groupMembers() throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP))
                .describedGroups()
                .get(GROUP)
                .get()
                .members()
                .size();
    }

    private List<JsonNode> queue(Instance instance) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        json(instance.perform(get("/api/v1/approvals"))).get("items").forEach(item -> entries.add(item.get("entry")));
        return entries;
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsByteArray());
    }

    /** One approval-service, with what its listener container did: "started" and "stopped", in order. */
    private final class Instance implements AutoCloseable {

        private final String name;
        private final List<String> intake = Collections.synchronizedList(new ArrayList<>());
        private final ConfigurableApplicationContext context;
        private final MockMvc mvc;

        Instance(String name) {
            this.name = name;
            this.context = new SpringApplicationBuilder(ApprovalServiceApplication.class)
                    .listeners(this::observe)
                    .run(
                            "--spring.profiles.active=local",
                            "--server.port=0",
                            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                            "--spring.datasource.url=" + database.url(),
                            "--spring.datasource.username=" + database.username(),
                            "--spring.datasource.password=" + database.password(),
                            "--approval.replay.poll-interval=200ms");
            this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(springSecurity())
                    .build();
        }

        private void observe(ApplicationEvent event) {
            if (event instanceof ConsumerStartedEvent) {
                intake.add("started");
            } else if (event instanceof ConsumerStoppedEvent) {
                intake.add("stopped");
            }
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        /** As an auditor. */
        MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
            return mvc.perform(request.with(jwt().jwt(token -> token.subject("aud-" + name)
                            .claim("role", Role.AUDITOR.name())
                            .claim("council", TokenHolder.HOME_COUNCIL))))
                    .andReturn()
                    .getResponse();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
