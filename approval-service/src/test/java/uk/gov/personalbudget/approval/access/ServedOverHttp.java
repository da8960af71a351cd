package uk.gov.personalbudget.approval.access;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.SummaryQueries;
import uk.gov.personalbudget.approval.replay.ReplayService;
import uk.gov.personalbudget.approval.support.BudgetEventTopic;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * approval-service as production runs it, on a real port: no profile, tokens checked by the production decoder
 * against {@link TestIssuer} (issuer and audience required), H2 in memory, a Kafka broker in the JVM. Two
 * budgets arrive on the topic once: person A's ({@link Caller#PERSON}, allocated to {@link Caller#PRACTITIONER})
 * and person B's ({@link Caller#OTHER_PERSON}, allocated to {@link Caller#OTHER_PRACTITIONER}). The
 * access-matrix and bad-input tests extend it and so share one context. The console's reads of budget-service go
 * to a {@link StubBudgetService}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 4, topics = ServedOverHttp.TOPIC)
public abstract class ServedOverHttp {

    static final String TOPIC = "personal-budget-events";

    private static String budgetOfA;

    @LocalServerPort
    private int port;

    @Autowired
    protected Generations generations;

    @Autowired
    protected SummaryQueries summaries;

    @Autowired
    protected ReplayService replays;

    @Autowired
    private EmbeddedKafkaBroker broker;

    private ApprovalHttp http;

    @DynamicPropertySource
    static void productionEdge(DynamicPropertyRegistry registry) {
        String database = "access_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("APPROVAL_DB_URL", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        registry.add("APPROVAL_DB_USERNAME", () -> "sa");
        registry.add("APPROVAL_DB_PASSWORD", () -> "");
        // The events published here carry no sealed text, so the key store is never read.
        registry.add("APPROVAL_KEYS_DB_URL", () -> "jdbc:h2:mem:" + database + "_keys;DB_CLOSE_DELAY=-1");
        registry.add("APPROVAL_KEYS_DB_USERNAME", () -> "sa");
        registry.add("APPROVAL_KAFKA_BOOTSTRAP_SERVERS", () -> "${spring.embedded.kafka.brokers}");
        TestIssuer.get().register(registry);
        // As a deployment that serves its API document to integrators (SPRINGDOC_API_DOCS_ENABLED=true); off by
        // default.
        registry.add("springdoc.api-docs.enabled", () -> "true");
        registry.add("APPROVAL_BUDGET_SERVICE_URL", StubBudgetService::baseUrl);
    }

    protected ApprovalHttp http() {
        if (http == null) {
            http = new ApprovalHttp("http://localhost:" + port);
        }
        return http;
    }

    /** Publishes budgets' events once and waits until approval-service has projected the last of each. */
    protected void publishAndAwait(List<EventEnvelope> events) {
        Map<BudgetId, Long> last = new HashMap<>();
        events.forEach(event -> last.merge(event.budgetId(), event.sequence(), Math::max));
        try (BudgetEventTopic topic = new BudgetEventTopic(broker.getBrokersAsString(), TOPIC)) {
            topic.publish(events);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> last.entrySet().stream()
                        .allMatch(budget -> summaries
                                .summary(budget.getKey())
                                .map(summary -> summary.lastSequence() == budget.getValue())
                                .orElse(false)));
    }

    /** Person A's budget, published and projected on first use. */
    protected synchronized String budgetOfA() {
        if (budgetOfA == null) {
            String a = "PB-A-" + UUID.randomUUID();
            String b = "PB-B-" + UUID.randomUUID();
            try (BudgetEventTopic topic = new BudgetEventTopic(broker.getBrokersAsString(), TOPIC)) {
                topic.publish(LifecycleEvents.budget(a)
                        .opened()
                        .assessed()
                        .offered(1_200_000)
                        .accepted()
                        .submitted(1_200_000)
                        .endorsed("Realistic")
                        .envelopes());
                topic.publish(LifecycleEvents.budget(
                                b,
                                LifecycleEvents.START,
                                new PersonReference(Caller.OTHER_PERSON.person()),
                                Caller.OTHER_PRACTITIONER.sub())
                        .opened()
                        .assessed()
                        .envelopes());
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> summaries.exists(new BudgetId(a)) && summaries.exists(new BudgetId(b)));
            budgetOfA = a;
        }
        return budgetOfA;
    }
}
