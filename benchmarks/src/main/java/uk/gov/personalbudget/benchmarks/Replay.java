package uk.gov.personalbudget.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.integrity.EventChainHash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Benchmark 4: approval-service's replay (POST /api/v1/replays) over a topic of a million events, beside a plain
 * KafkaConsumer reading the same topic from start to end. Publishing a million events through budget-service
 * would take hours here, so the topic is filled from real ones: the throughput load runs for a while, and the
 * records budget-service published are copied budget by budget, each copy under a new budget id (key, header,
 * payload) and new event ids, with its own hash chain (each record's {@code event-hash} recomputed from the copy, as
 * budget-service would have computed it), until the topic holds the number asked for. Without their own chain the
 * copies would not be projected but held back as altered records, and the replay would measure that instead. approval-service is stopped while the
 * copies are written and its replay is started as soon as it is ready again.
 */
final class Replay {

    static final Set<String> FLAGS = Stack.flagsAnd("events", "seed-seconds");
    private static final ObjectMapper JSON = new ObjectMapper();

    static void run(Options options) throws Exception {
        int target = options.integer("events", 1_000_000);
        Duration seed = options.seconds("seed-seconds", 20);
        try (Stack stack = Stack.start("replay", options)) {
            stack.startBudgetService(List.of());
            BudgetApi api = new BudgetApi(stack.budgetServiceUrl());
            CommandLoad.Result seeded = new CommandLoad(api, 8, "seed", null, null).run(Duration.ZERO, seed);
            long stored = storedEvents(stack);
            awaitTopicHolds(stack, stored);
            System.out.printf(
                    "seed: %d events stored and published (%d commands acknowledged)%n", stored, seeded.commands());

            long copied = copyUntil(stack, target);
            long onTopic = topicSize(stack);
            System.out.printf("topic filled to %d events (%d copied) %n", onTopic, copied);

            Benchmarks.heading("Replay of " + onTopic + " events vs a plain KafkaConsumer (goal >= 100,000 events/s)");
            double plain = plainConsumer(stack, onTopic);
            System.out.printf(
                    "plain KafkaConsumer: %,.0f events/s (%d events in %.1f s)%n", onTopic / plain, onTopic, plain);

            stack.stopBudgetService();
            stack.startBudgetService(List.of());
            stack.startApprovalService(List.of());
            String auditor = new BudgetApi(stack.budgetServiceUrl()).token("aud-replay", "AUDITOR", null, null);
            // What each process and PostgreSQL's statements cost per event, from the replay's start to its end.
            CpuByProcess cpu = CpuByProcess.ofStack(stack);
            CpuByProcess compilers = CpuByProcess.compilersOf(stack);
            Statements statements = new Statements(() -> connect(stack, Stack.APPROVAL_DB));
            statements.reset();
            Map<String, long[]> rowsBefore = rowChanges(stack);
            WalActivity walBefore = walActivity(stack);
            long windowStart = System.nanoTime();
            cpu.opened();
            compilers.opened();
            JsonNode replay = replay(stack.approvalServiceUrl(), auditor);
            cpu.closed();
            compilers.closed();
            WalActivity walAfter = walActivity(stack);
            double window = (System.nanoTime() - windowStart) / 1e9;
            List<Statements.Row> run = statements.read();
            Map<String, long[]> rowsAfter = settledRowChanges(stack);
            double seconds = Duration.between(
                                    Instant.parse(replay.get("startedAt").asText()),
                                    Instant.parse(replay.get("finishedAt").asText()))
                            .toMillis()
                    / 1000.0;
            long events = replay.get("eventsTotal").asLong();
            System.out.printf(
                    "approval-service replay: %,.0f events/s (%d events in %.1f s)%n",
                    events / seconds, events, seconds);
            System.out.printf("ratio replay / plain consumer = %.2f%n", (events / seconds) / (onTopic / plain));
            System.out.println(cpu.perEvent(events, window));
            System.out.println(compilers.perEvent("of which JIT compiler threads:", events, window));
            System.out.print(Statements.per(run, Math.max(1, events / 1000), "1,000 events", "replay:"));
            System.out.print(rowsPerThousandEvents(rowsBefore, rowsAfter, events));
            System.out.print("replay: " + walAfter.since(walBefore, events, "events"));
            long heldBack = count(stack, Stack.APPROVAL_DB, "SELECT count(*) FROM held_back_record");
            if (heldBack > 0) {
                throw new IllegalStateException(heldBack + " records were held back rather than projected: the replay "
                        + "measured the hold-back path, not projection (approval-service's log says why)");
            }
        }
    }

    private static Connection connect(Stack stack, String database) {
        try {
            return stack.connect(database);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("PostgreSQL did not answer", unreachable);
        }
    }

    private static WalActivity walActivity(Stack stack) throws SQLException {
        try (Connection connection = stack.connect(Stack.APPROVAL_DB)) {
            return WalActivity.read(connection);
        }
    }

    /** approval-service's tables' rows inserted, updated and deleted so far, by table (pg_stat_user_tables). */
    private static Map<String, long[]> rowChanges(Stack stack) throws Exception {
        Map<String, long[]> tables = new LinkedHashMap<>();
        try (Connection connection = stack.connect(Stack.APPROVAL_DB);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables ORDER BY relname")) {
            while (rows.next()) {
                tables.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
            }
        }
        return tables;
    }

    /**
     * {@link #rowChanges} once PostgreSQL's statistics have caught up: each backend reports its counts when it goes
     * idle, at most once a second, so they are read until two readings a second and a half apart agree (15 s at most).
     */
    private static Map<String, long[]> settledRowChanges(Stack stack) throws Exception {
        Map<String, long[]> last = rowChanges(stack);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1500);
            Map<String, long[]> now = rowChanges(stack);
            if (total(now) == total(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long total(Map<String, long[]> tables) {
        return tables.values().stream()
                .mapToLong(row -> row[0] + row[1] + row[2])
                .sum();
    }

    /** Each table's rows inserted, updated and deleted per 1,000 events between two readings, busiest first. */
    private static String rowsPerThousandEvents(Map<String, long[]> before, Map<String, long[]> after, long events) {
        StringBuilder text = new StringBuilder();
        double per = 1000.0 / events;
        double all = 0;
        List<Map.Entry<String, long[]>> changed = new ArrayList<>();
        for (var table : after.entrySet()) {
            long[] was = before.getOrDefault(table.getKey(), new long[3]);
            long[] delta = {table.getValue()[0] - was[0], table.getValue()[1] - was[1], table.getValue()[2] - was[2]};
            if (delta[0] + delta[1] + delta[2] > 0) {
                changed.add(Map.entry(table.getKey(), delta));
            }
        }
        changed.sort((a, b) -> Long.compare(
                b.getValue()[0] + b.getValue()[1] + b.getValue()[2],
                a.getValue()[0] + a.getValue()[1] + a.getValue()[2]));
        for (var table : changed) {
            long[] delta = table.getValue();
            all += (delta[0] + delta[1] + delta[2]) * per;
            text.append(String.format(
                    "replay:  %8.1f inserted %7.1f updated %7.1f deleted per 1,000 events  %s%n",
                    delta[0] * per, delta[1] * per, delta[2] * per, table.getKey()));
        }
        return String.format("replay: rows written per 1,000 events: %.1f%n", all) + text;
    }

    private static long storedEvents(Stack stack) throws Exception {
        return count(stack, Stack.BUDGET_DB, "SELECT count(*) FROM domain_event_entry");
    }

    private static long count(Stack stack, String database, String query) throws Exception {
        try (Connection connection = stack.connect(database);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(query)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void awaitTopicHolds(Stack stack, long events) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (topicSize(stack) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("budget-service published " + topicSize(stack) + " of " + events);
            }
            Thread.sleep(500);
        }
    }

    private static long topicSize(Stack stack) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            List<TopicPartition> partitions = partitions(consumer);
            return consumer.endOffsets(partitions).values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    - consumer.beginningOffsets(partitions).values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
        }
    }

    /** Copies the topic's budgets under new ids until it holds {@code target} events; how many were written. */
    private static long copyUntil(Stack stack, long target) throws Exception {
        Map<String, List<ConsumerRecord<String, byte[]>>> budgets = new LinkedHashMap<>();
        long onTopic;
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            onTopic = end.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            while (read < onTopic) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    budgets.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(record);
                    read++;
                }
            }
        }
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long written = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            while (onTopic + written < target) {
                for (List<ConsumerRecord<String, byte[]>> history : budgets.values()) {
                    String oldId = history.get(0).key();
                    String newId = UUID.randomUUID().toString();
                    String previousHash = EventChainHash.GENESIS;
                    for (ConsumerRecord<String, byte[]> record : history) {
                        ProducerRecord<String, byte[]> copy = copy(record, oldId, newId, previousHash);
                        previousHash = header(copy.headers(), EventHeaders.EVENT_HASH);
                        producer.send(copy);
                        written++;
                    }
                    if (onTopic + written >= target) {
                        break;
                    }
                }
            }
            producer.flush();
        }
        return written;
    }

    /** The record under the new budget id and a new event id, chained to {@code previousHash}. */
    private static ProducerRecord<String, byte[]> copy(
            ConsumerRecord<String, byte[]> record, String oldId, String newId, String previousHash) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.key().equals(EventHeaders.EVENT_HASH) || header.key().equals(EventHeaders.EVENT_PREVIOUS_HASH)) {
                continue;
            }
            String value = new String(header.value(), StandardCharsets.UTF_8);
            String copied = header.key().equals(EventHeaders.EVENT_ID)
                    ? UUID.randomUUID().toString()
                    : value.replace(oldId, newId);
            headers.add(header.key(), copied.getBytes(StandardCharsets.UTF_8));
        }
        byte[] value = new String(record.value(), StandardCharsets.UTF_8)
                .replace(oldId, newId)
                .getBytes(StandardCharsets.UTF_8);
        String hash =
                EventChainHash.of(previousHash, EventChainHash.Inputs.fromRecord(name -> header(headers, name), value));
        headers.add(EventHeaders.EVENT_PREVIOUS_HASH, previousHash.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_HASH, hash.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(record.topic(), null, newId, value, headers);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Seconds a plain consumer (no group, byte arrays) takes to read the whole topic. */
    private static double plainConsumer(Stack stack, long events) {
        long start = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < events) {
                read += consumer.poll(Duration.ofSeconds(1)).count();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Starts a replay and waits for it to complete: its final state. */
    private static JsonNode replay(String approvalService, String auditor) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create(approvalService + "/api/v1/replays"))
                        .header("Authorization", "Bearer " + auditor)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("replay not started: " + started.statusCode() + " " + started.body());
        }
        String id = JSON.readTree(started.body()).get("id").asText();
        while (true) {
            JsonNode replay = JSON.readTree(BudgetApi.get(http, approvalService + "/api/v1/replays/" + id, auditor)
                    .body());
            if ("COMPLETED".equals(replay.path("status").asText())) {
                return replay;
            }
            Thread.sleep(250);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Stack stack) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(settings);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        return consumer.partitionsFor(Stack.TOPIC).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
    }

    private Replay() {}
}
