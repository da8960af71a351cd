package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import uk.gov.personalbudget.budget.walkthrough.WalkthroughScript;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services as real processes with a real Kafka broker (in-process KRaft): the whole walkthrough, then
 * checks that every control transfer budget-service stored arrived, in order and once, in approval-service's
 * trail; that redelivering every record changes nothing; that a replay rebuilds the same projections; and that
 * erasing the person's personal data leaves all of that as it was except the personal text, which then reads
 * {@code [erased]} in both services and is sealed on the topic; that one command makes one trace across both
 * services; and that both services' logs are JSON lines holding none of the person's details. Subclasses choose
 * the databases.
 */
abstract class CrossServiceLifecycleTest {

    static final String TOPIC = "personal-budget-events";
    private static final Pattern FIRST_BUDGET = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> running = new ArrayList<>();
    private EmbeddedKafkaKraftBroker broker;
    private ServiceProcess budgetService;
    private ServiceProcess approvalService;
    private OtlpTraceReceiver traces;

    /** Datasource arguments for one service ({@code budget} or {@code approval}). */
    abstract List<String> database(String service) throws Exception;

    /** The personal data key store, one database both services are given (budget-service makes the keys). */
    abstract List<String> keyStore() throws Exception;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void aWholeLifecycleArrivesCompleteAndInOrderSurvivesRedeliveryRebuildsIdenticallyAndIsErasable() throws Exception {
        startStack();

        var run = WalkthroughScript.runWholeStack(
                Map.of("BASE", budgetService.baseUrl(), "APPROVAL", approvalService.baseUrl()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("The trail after the replay is identical to the trail before it.")
                .contains("\"level\":\"TEAM_MANAGER\"")
                .contains("\"status\":\"COMPLETED\"");
        Matcher first = FIRST_BUDGET.matcher(run.output());
        assertThat(first.find()).isTrue();
        String budget = first.group(1);

        List<String> expected = transfersStoredBy(budget);
        assertThat(expected).hasSize(16);
        assertThat(trailTransfers(budget)).containsExactlyElementsOf(expected);
        String trail = read(approvalService, "/api/v1/budgets/" + budget + "/control-trail");
        String decisions = read(approvalService, "/api/v1/budgets/" + budget + "/decisions");
        String queue = read(approvalService, "/api/v1/approvals");
        // The walkthrough's twelve decisions (two adjustments, one during a replan), its reallocation, the person's
        // preferred control at assessment, and the challenge of the approved amount with its answer.
        assertThat(json.readTree(decisions).get("decisions")).hasSize(16);

        int redelivered = redeliverEveryRecord();
        assertThat(redelivered).isGreaterThan(expected.size());
        awaitConsumerCaughtUp();
        assertThat(read(approvalService, "/api/v1/budgets/" + budget + "/control-trail"))
                .isEqualTo(trail);
        assertThat(read(approvalService, "/api/v1/budgets/" + budget + "/decisions"))
                .isEqualTo(decisions);
        assertThat(withoutWaitingTimes(read(approvalService, "/api/v1/approvals")))
                .isEqualTo(withoutWaitingTimes(queue));

        oneCommandIsOneTraceFromTheRestCallToItsProjection();
        erasureLeavesEverythingButThePersonalText(budget, expected);
        logsAreJsonLinesWithoutThePersonsDetails();
        theDashboardAndAlertsUseOnlyMetricsTheServicesExport();
    }

    /** deploy/observability's Grafana dashboard and Prometheus alerts, against both services' real scrapes. */
    private void theDashboardAndAlertsUseOnlyMetricsTheServicesExport() throws Exception {
        Set<String> exported = new HashSet<>();
        for (ServiceProcess service : List.of(budgetService, approvalService)) {
            HttpResponse<String> scrape = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as("the scrape needs no token").isEqualTo(200);
            scrape.body()
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        Pattern metric = Pattern.compile("\\b(?:budget|approval|health|http_server|jvm|hikaricp|process)_[a-z0-9_]+");
        for (String file : List.of("grafana-dashboard.json", "prometheus-alerts.yml")) {
            Matcher used = metric.matcher(Files.readString(Path.of("..", "deploy", "observability", file)));
            Set<String> names = new HashSet<>();
            while (used.find()) {
                names.add(used.group());
            }
            assertThat(names).as(file + " names metrics").isNotEmpty();
            assertThat(exported).as(file).containsAll(names);
        }
    }

    /**
     * A command sent with a W3C traceparent: budget-service's request, command and publication spans and
     * approval-service's projection span all belong to the caller's trace, each the child of the one before, as the
     * services export them over OTLP; and budget-service's log line for the command carries the trace id.
     */
    private void oneCommandIsOneTraceFromTheRestCallToItsProjection() throws Exception {
        var random = ThreadLocalRandom.current();
        String traceId = HexFormat.of().toHexDigits(random.nextLong() | 1)
                + HexFormat.of().toHexDigits(random.nextLong());
        String callerSpan = "00f067aa0ba902b7";
        HttpResponse<String> opened = http.send(
                HttpRequest.newBuilder(URI.create(budgetService.baseUrl() + "/api/v1/budgets"))
                        .header("Authorization", "Bearer " + token("{\"sub\":\"pr-ellis\",\"role\":\"PRACTITIONER\"}"))
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"person\":\"P-7007\",\"localAuthority\":"
                                + "\"leeds\",\"allocatedPractitioner\":\"pr-ellis\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String budget = json.readTree(opened.body()).get("id").asText();

        // Each service exports its spans in its own batches, so either's may arrive first: wait for all four.
        await("both services' spans of trace " + traceId)
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    var received = traces.spansOf(traceId);
                    return received.stream().anyMatch(span -> span.name().equals("project BudgetOpened"))
                            && received.stream().anyMatch(span -> span.name().startsWith("http post"))
                            && received.stream().anyMatch(span -> span.name().equals("command open-budget"))
                            && received.stream().anyMatch(span -> span.name().equals("publish BudgetOpened"));
                });
        var spans = traces.spansOf(traceId);
        var request = only(spans, "budget-service", name -> name.startsWith("http post"));
        var command = only(spans, "budget-service", name -> name.equals("command open-budget"));
        var publication = only(spans, "budget-service", name -> name.equals("publish BudgetOpened"));
        var projection = only(spans, "approval-service", name -> name.equals("project BudgetOpened"));
        assertThat(request.parentSpanId())
                .as("the caller's span is the request's parent")
                .isEqualTo(callerSpan);
        assertThat(command.parentSpanId()).isEqualTo(request.spanId());
        assertThat(publication.parentSpanId())
                .as("publication continues the stored event's trace")
                .isEqualTo(command.spanId());
        assertThat(projection.parentSpanId())
                .as("the projection continues the record's trace")
                .isEqualTo(publication.spanId());
        assertThat(jsonLines(budgetService.log()))
                .filteredOn(line -> line.path("message").asText().startsWith("command OpenBudget on budget " + budget))
                .singleElement()
                .satisfies(line -> assertThat(line.path("traceId").asText()).isEqualTo(traceId))
                .satisfies(line -> assertThat(line.path("spanId").asText()).isEqualTo(command.spanId()));
    }

    private static OtlpTraceReceiver.ReceivedSpan only(
            List<OtlpTraceReceiver.ReceivedSpan> spans, String service, Predicate<String> name) {
        var matching = spans.stream()
                .filter(span -> span.service().equals(service) && name.test(span.name()))
                .toList();
        assertThat(matching).as(service + " span among " + spans).hasSize(1);
        return matching.get(0);
    }

    /** Every line of both logs is a JSON object, and none holds the person's reference or any personal text. */
    private void logsAreJsonLinesWithoutThePersonsDetails() throws Exception {
        for (ServiceProcess service : List.of(budgetService, approvalService)) {
            String log = Files.readString(service.log());
            assertThat(jsonLines(service.log()))
                    .as(service.log() + " as JSON lines")
                    .hasSize((int) log.lines().count());
            assertThat(log)
                    .as(service.log().toString())
                    .doesNotContain(
                            "P-1001",
                            "P-7007",
                            "Six hours is not enough on bad weeks",
                            "Going out with someone I trust",
                            "Going into hospital for a short stay",
                            "Extra hours agreed for bad weeks",
                            "Needs arise from a mental impairment",
                            "Please say which days the assistant is needed",
                            "The plan does not say how the assistant will be found",
                            "Rebuild contact with friends");
        }
    }

    private List<JsonNode> jsonLines(Path log) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    /**
     * Two authorities erase P-1001's personal data: refused while the walkthrough's second budget of theirs is open,
     * which is then closed; after the request and a second authority's confirmation, the same transfers, the same
     * decisions and one more (the erasure), the same report, and every reason that was personal text reads
     * {@code [erased]}, in approval-service (JSON and CSV) and budget-service; the topic never held the text in clear.
     */
    private void erasureLeavesEverythingButThePersonalText(String budget, List<String> transfers) throws Exception {
        String requests = "/api/v1/persons/P-1001/erasure-requests";
        String requestBody = "{\"reason\":\"Sam asked for their personal data to be erased\"}";
        HttpResponse<String> refused = post(requests, "au-okafor", requestBody);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode open = json.readTree(refused.body()).get("openBudgets");
        assertThat(open).as("the walkthrough's second budget").hasSize(1);
        for (JsonNode other : open) {
            HttpResponse<String> closed = post(
                    "/api/v1/budgets/" + other.asText() + "/close-budget",
                    "au-okafor",
                    "{\"reason\":\"Sam moved to another council area\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        }
        // The closure goes to the topic after budget-service answers: wait until approval-service has projected it.
        for (JsonNode other : open) {
            await("approval-service projects the closure")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> read(approvalService, "/api/v1/budgets/" + other.asText() + "/decisions")
                            .contains("\"kind\":\"CLOSURE\""));
        }

        String contestReason = "Six hours is not enough on bad weeks";
        String statement = "Going out with someone I trust is what keeps me well.";
        String trail = read(approvalService, "/api/v1/budgets/" + budget + "/control-trail");
        String decisions = read(approvalService, "/api/v1/budgets/" + budget + "/decisions");
        String events = read(budgetService, "/api/v1/budgets/" + budget + "/events");
        Instant to = Instant.now();
        String report = "/api/v1/reports/control-summary?from=" + to.minus(Duration.ofDays(1)) + "&to=" + to;
        String reportBefore = read(approvalService, report);
        assertThat(trail).contains(contestReason);
        assertThat(events).contains(contestReason, statement);

        String published = readEveryRecord().stream()
                .filter(record -> record.key().equals(budget))
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        assertThat(published)
                .as("the budget's records on the topic")
                .contains("\"reason\":\"pd:v1:")
                .doesNotContain(contestReason, statement, "Going into hospital for a short stay")
                .contains("\"pence\":1300000", "\"person\":\"P-1001\"");

        HttpResponse<String> requested = post(requests, "au-okafor", requestBody);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String requestId = json.readTree(requested.body()).get("id").asText();
        HttpResponse<String> erasure = post(requests + "/" + requestId + "/confirmation", "au-second", null);
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(200);
        assertThat(json.readTree(erasure.body()).get("person").asText()).isEqualTo("P-1001");
        assertThat(json.readTree(erasure.body()).get("budgets")).hasSize(2);

        // Two things reach approval-service apart: the key's destruction (read through its key cache) and the
        // erasure's event (through the topic).
        await("approval-service reads the erasure")
                .atMost(Duration.ofSeconds(60))
                .until(() -> !read(approvalService, "/api/v1/budgets/" + budget + "/control-trail")
                                .contains(contestReason)
                        && read(approvalService, "/api/v1/budgets/" + budget + "/decisions")
                                .contains("\"kind\":\"ERASURE\""));
        String trailAfter = read(approvalService, "/api/v1/budgets/" + budget + "/control-trail");
        String decisionsAfter = read(approvalService, "/api/v1/budgets/" + budget + "/decisions");
        String csvAfter = readCsv(approvalService, "/api/v1/budgets/" + budget + "/decisions");
        String eventsAfter = read(budgetService, "/api/v1/budgets/" + budget + "/events");
        assertThat(trailAfter).contains("\"reason\":\"[erased]\"").doesNotContain(contestReason);
        assertThat(withoutText(trailAfter)).isEqualTo(withoutText(trail));
        assertThat(trailTransfers(budget)).containsExactlyElementsOf(transfers);
        assertThat(decisionsAfter).contains("\"reasons\":\"[erased]\"");
        JsonNode decided = json.readTree(decisionsAfter).get("decisions");
        assertThat(decided).as("the walkthrough's decisions and the erasure").hasSize(17);
        assertThat(decided.get(16).get("kind").asText()).isEqualTo("ERASURE");
        assertThat(decided.get(16).get("actor").asText()).isEqualTo("au-second");
        ((ArrayNode) decided).remove(16);
        assertThat(withoutText(json.writeValueAsString(json.readTree(decisionsAfter)
                        .deepCopy()
                        .<ObjectNode>require()
                        .set("decisions", decided))))
                .isEqualTo(withoutText(decisions));
        assertThat(csvAfter).contains("[erased]").doesNotContain("Extra hours agreed for bad weeks");
        assertThat(read(approvalService, report)).as("the report").isEqualTo(reportBefore);
        assertThat(eventsAfter).contains("[erased]").doesNotContain(contestReason, statement);
        assertThat(transfersStoredBy(budget)).containsExactlyElementsOf(transfers);
    }

    private void startStack() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.afterPropertiesSet();
        running.add(broker::destroy);
        traces = new OtlpTraceReceiver();
        running.add(traces);
        // As in production: spans exported over OTLP, logs as JSON lines (the local profile's defaults are off).
        List<String> observed = List.of(
                "--management.otlp.tracing.endpoint=" + traces.endpoint(), "--logging.structured.format.console=ecs");
        List<String> keys = keyStore();
        List<String> budgetArguments = new ArrayList<>(database("budget"));
        budgetArguments.addAll(keys);
        budgetArguments.addAll(observed);
        budgetArguments.add("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        budgetService = ServiceProcess.start("budget-service", budgetArguments);
        running.add(budgetService);
        List<String> approvalArguments = new ArrayList<>(database("approval"));
        approvalArguments.addAll(keys);
        approvalArguments.addAll(observed);
        // A short key cache, so the erasure reaches approval-service's answers within a second or so.
        approvalArguments.add("--personal-data.keys.cache-ttl=1s");
        approvalArguments.add("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        approvalArguments.add("--security.jwt.jwk-set-uri=" + budgetService.baseUrl() + "/dev/jwks");
        approvalService = ServiceProcess.start("approval-service", approvalArguments);
        running.add(approvalService);
    }

    /** "sequence:from->to" of every event budget-service stored that moved control. */
    private List<String> transfersStoredBy(String budget) throws Exception {
        List<String> transfers = new ArrayList<>();
        for (JsonNode event : json.readTree(read(budgetService, "/api/v1/budgets/" + budget + "/events"))) {
            if (!event.get("controlBefore").equals(event.get("controlAfter"))) {
                transfers.add(event.get("sequence").asLong() + ":" + holder(event.get("controlBefore")) + "->"
                        + holder(event.get("controlAfter")));
            }
        }
        return transfers;
    }

    private List<String> trailTransfers(String budget) throws Exception {
        List<String> transfers = new ArrayList<>();
        for (JsonNode entry : json.readTree(read(approvalService, "/api/v1/budgets/" + budget + "/control-trail"))
                .get("transfers")) {
            transfers.add(
                    entry.get("sequence").asLong() + ":" + holder(entry.get("from")) + "->" + holder(entry.get("to")));
        }
        return transfers;
    }

    private static String holder(JsonNode holder) {
        return holder.get("party").asText()
                + (holder.get("actorId").isNull()
                        ? ""
                        : "/" + holder.get("actorId").asText());
    }

    /** Publishes a copy of every record of the topic again, headers and all, as a redelivery would. */
    private int redeliverEveryRecord() {
        List<ConsumerRecord<String, byte[]>> records = readEveryRecord();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(
                        TOPIC, record.partition(), record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
        return records.size();
    }

    /** Every record on the topic, from the first offset of each partition. */
    private List<ConsumerRecord<String, byte[]>> readEveryRecord() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await("every record read back").atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return records;
    }

    private void awaitConsumerCaughtUp() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (Admin admin = Admin.create(properties)) {
            await("approval-service consumed every record")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        var committed = admin.listConsumerGroupOffsets("approval-service")
                                .partitionsToOffsetAndMetadata()
                                .get();
                        var latest = admin.listOffsets(committed.keySet().stream()
                                        .collect(Collectors.toMap(
                                                partition -> partition, partition -> OffsetSpec.latest())))
                                .all()
                                .get();
                        return !committed.isEmpty()
                                && committed.entrySet().stream()
                                        .allMatch(entry -> entry.getValue().offset()
                                                >= latest.get(entry.getKey()).offset());
                    });
        }
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    private String read(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", "Bearer " + auditorToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String readCsv(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", "Bearer " + auditorToken())
                        .header("Accept", "text/csv")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String auditorToken() throws Exception {
        return token("{\"sub\":\"system-test-auditor\",\"role\":\"AUDITOR\"}");
    }

    /** {@code POST path} to budget-service as the AUTHORITY {@code sub}, with a JSON body (none when null). */
    private HttpResponse<String> post(String path, String sub, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(budgetService.baseUrl() + path))
                        .header(
                                "Authorization",
                                "Bearer "
                                        + token(
                                                "{\"sub\":\"" + sub
                                                        + "\",\"role\":\"AUTHORITY\",\"council\":\"leeds\",\"authorisation_limit\":2000000}"))
                        .header("Content-Type", "application/json")
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token(String claims) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(budgetService.baseUrl() + "/dev/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(claims))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("token").asText();
    }

    /** A trail's or decisions' JSON with its free text (reasons, details) blanked, to compare everything else. */
    private static String withoutText(String body) {
        return body.replaceAll("\"(reason|reasons|detail)\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"$1\":_");
    }

    /** Waiting times grow with the clock; everything else in the queue must be unchanged. */
    private static String withoutWaitingTimes(String queue) {
        return queue.replaceAll("\"waitingSeconds\":\\d+", "\"waitingSeconds\":_");
    }
}
