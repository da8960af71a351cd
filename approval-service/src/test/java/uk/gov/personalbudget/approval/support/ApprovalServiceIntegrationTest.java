package uk.gov.personalbudget.approval.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.ProjectionWriter;
import uk.gov.personalbudget.approval.projection.store.SummaryQueries;
import uk.gov.personalbudget.approval.trail.HeldBackQueries;
import uk.gov.personalbudget.support.web.ApiProblemHandling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * approval-service as it runs, on the {@code local} profile: a real KRaft broker in the JVM, Flyway's schema,
 * the production JWT decoder trusting {@link TestTokens}, and MockMvc in front. Subclasses choose the database
 * with a {@code @DynamicPropertySource}; classes that choose it the same way share one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
@EmbeddedKafka(kraft = true, partitions = 4, topics = ApprovalServiceIntegrationTest.TOPIC)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
public abstract class ApprovalServiceIntegrationTest {

    public static final String TOPIC = "personal-budget-events";
    protected static final Duration ARRIVAL = Duration.ofSeconds(60);

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Generations generations;

    @Autowired
    protected ProjectionWriter writer;

    @Autowired
    protected SummaryQueries summaries;

    @Autowired
    protected HeldBackQueries heldBack;

    @Autowired
    protected ObjectMapper objectMapper;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Value("${spring.kafka.consumer.group-id}")
    protected String groupId;

    @Value("${approval.kafka.topic}")
    private String topic;

    protected final TestTokens tokens = TestTokens.get();
    protected BudgetEventTopic events;

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestTokens.get().register(registry);
    }

    public TestTokens tokens() {
        return tokens;
    }

    @BeforeEach
    void openTopic() {
        events = new BudgetEventTopic(broker.getBrokersAsString(), topic);
    }

    @AfterEach
    void closeTopic() {
        events.close();
    }

    /** Publishes the events and waits until approval-service has stored them. */
    public void publishAndAwait(List<EventEnvelope> envelopes) {
        events.publish(envelopes);
        awaitCaughtUp();
    }

    /** Waits until the consumer group has committed every record on the topic. */
    public void awaitCaughtUp() {
        await().atMost(ARRIVAL).until(() -> events.caughtUp(groupId));
    }

    public ResultActions get(String path, String token, MediaType accept) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(accept));
    }

    public ResultActions get(String path, String token) throws Exception {
        return get(path, token, MediaType.APPLICATION_JSON);
    }

    public ResultActions getWithoutToken(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).accept(MediaType.APPLICATION_JSON));
    }

    public JsonNode json(MvcResult result) throws Exception {
        return objectMapper.readTree(result.getResponse().getContentAsByteArray());
    }

    public <T> T json(MvcResult result, Class<T> type) throws Exception {
        return objectMapper.readValue(result.getResponse().getContentAsByteArray(), type);
    }

    /** An RFC 9457 problem of ours: the status, problem JSON, and the rule's type. */
    public static ResultMatcher problem(HttpStatus status, String slug) {
        return ResultMatcher.matchAll(
                status().is(status.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(ApiProblemHandling.TYPE_PREFIX + slug),
                jsonPath("$.status").value(status.value()));
    }

    /** The budget's control trail as an auditor reads it. */
    public List<ControlTrailEntry> controlTrail(String budgetId) throws Exception {
        JsonNode body = json(get("/api/v1/budgets/" + budgetId + "/control-trail", tokens.auditor())
                .andExpect(status().isOk())
                .andReturn());
        return objectMapper.convertValue(body.get("transfers"), new TypeReference<List<ControlTrailEntry>>() {});
    }

    /** The budget's decisions as an auditor reads them. */
    public List<Decision> decisions(String budgetId) throws Exception {
        JsonNode body = json(get("/api/v1/budgets/" + budgetId + "/decisions", tokens.auditor())
                .andExpect(status().isOk())
                .andReturn());
        return objectMapper.convertValue(body.get("decisions"), new TypeReference<List<Decision>>() {});
    }

    /** The queue items of one budget, as the authority reads {@code /api/v1/approvals?<query>}. */
    public List<JsonNode> queueItems(String query, String budgetId) throws Exception {
        JsonNode body = json(get("/api/v1/approvals" + (query.isEmpty() ? "" : "?" + query), tokens.authority())
                .andExpect(status().isOk())
                .andReturn());
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(item -> {
            if (budgetId.equals(item.at("/entry/budgetId").asText())) {
                items.add(item);
            }
        });
        return items;
    }
}
