package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * What a fault test checks once its load has stopped: every command acknowledged is stored, everything stored
 * was sent, everything stored is on the topic (read with a plain consumer), and approval-service's control trail
 * holds every stored transfer once. Prints one summary of what was sent, acknowledged and arrived.
 */
final class DeliveryAudit {

    /** How long, after the load, everything may take to arrive (publication and intake back off after errors). */
    private static final Duration ARRIVAL = Duration.ofSeconds(150);
    /** approval-service's consumer group (spring.kafka.consumer.group-id). */
    private static final String INTAKE_GROUP = "approval-service";

    private final FaultStack stack;
    private final String title;
    private final Set<String> storedBefore;
    /** Each budget's last trail read's status when it was not 200, said if the trail never matched. */
    private final Map<String, Integer> unreadTrails = new HashMap<>();

    private boolean everyStoredCommandAnswered;

    private DeliveryAudit(FaultStack stack, String title, Set<String> storedBefore) {
        this.stack = stack;
        this.title = title;
        this.storedBefore = storedBefore;
    }

    /** Notes the budgets already stored, so that only those of this test are audited. */
    static DeliveryAudit begin(FaultStack stack, String title) throws Exception {
        return new DeliveryAudit(stack, title, stack.storedBudgetIds());
    }

    /**
     * Also requires that no command was stored without its caller being answered: what a graceful stop promises
     * (a kill may cut off a command after it was stored).
     */
    DeliveryAudit requiringEveryStoredCommandAnswered() {
        everyStoredCommandAnswered = true;
        return this;
    }

    /** A stored event as "sequence:type", and a control transfer as "sequence:from->to". */
    record StoredBudget(String id, String person, List<String> events, List<String> transfers) {}

    /** Audits the stopped load; returns the first 20 problems found (none when every guarantee held), after printing. */
    List<String> verify(LifecycleLoad load, List<String> notes) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> created = new HashSet<>(stack.storedBudgetIds());
        created.removeAll(storedBefore);

        // What budget-service stored, through its API.
        String token = stack.auditorToken();
        Map<String, StoredBudget> stored = new LinkedHashMap<>();
        for (String id : created) {
            stored.put(id, storedBudget(id, token));
        }

        // Attribute each stored budget to the opening that created it (person references are unique per opening).
        Map<String, LifecycleLoad.Budget> byPerson =
                load.budgets().stream().collect(Collectors.toMap(budget -> budget.person, budget -> budget));
        int unacknowledgedOpeningsStored = 0;
        Map<LifecycleLoad.Budget, StoredBudget> storedOf = new HashMap<>();
        for (StoredBudget budget : stored.values()) {
            LifecycleLoad.Budget sent = byPerson.get(budget.person());
            if (sent == null) {
                problems.add(
                        "budget " + budget.id() + " is stored but no opening for " + budget.person() + " was sent");
                continue;
            }
            if (sent.id == null) {
                unacknowledgedOpeningsStored++;
            } else if (!sent.id.equals(budget.id())) {
                problems.add("opening for " + budget.person() + " acknowledged as " + sent.id + " but stored as "
                        + budget.id());
            }
            storedOf.put(sent, budget);
        }

        // acknowledged ⊆ stored ⊆ sent, per budget: its stored events are its script's first events, at least as
        // many as were acknowledged and at most as many as were sent; each acknowledgement named the right version.
        int storedEvents = 0;
        int storedNotAcknowledged = 0;
        for (LifecycleLoad.Budget budget : load.budgets()) {
            StoredBudget found = storedOf.get(budget);
            List<String> events = found == null ? List.of() : found.events();
            storedEvents += events.size();
            int acknowledged = budget.acknowledged();
            int sent = budget.sent.size();
            if (events.size() < acknowledged || events.size() > sent) {
                problems.add(budget.person + " (" + budget.id + "): " + acknowledged + " acknowledged, " + sent
                        + " sent, but " + events.size() + " stored");
            }
            storedNotAcknowledged += Math.max(0, events.size() - acknowledged);
            if (everyStoredCommandAnswered && events.size() > acknowledged) {
                problems.add(budget.person + " (" + budget.id + "): " + (events.size() - acknowledged)
                        + " command(s) stored but their caller got no answer");
            }
            for (int i = 0; i < events.size(); i++) {
                String expected = i + ":"
                        + LifecycleScript.SCRIPT
                                .get(Math.min(i, LifecycleScript.SCRIPT.size() - 1))
                                .eventType();
                if (!events.get(i).equals(expected)) {
                    problems.add(
                            budget.person + " (" + budget.id + "): stored " + events.get(i) + ", expected " + expected);
                }
            }
            for (LifecycleLoad.Sent command : budget.sent) {
                if (command.outcome() == LifecycleLoad.Outcome.ACKNOWLEDGED && command.version() != command.step()) {
                    problems.add(budget.person + " (" + budget.id + "): step " + command.step()
                            + " acknowledged with version " + command.version());
                }
            }
        }

        // stored == on the topic.
        Map<String, Set<String>> storedEventsById = new HashMap<>();
        stored.values().forEach(budget -> storedEventsById.put(budget.id(), new HashSet<>(budget.events())));
        TopicRecords topic = TopicRecords.readUntilPresent(stack.kafkaBootstrapServers(), storedEventsById, ARRIVAL);
        topic.missing(storedEventsById)
                .forEach((id, missing) -> problems.add("budget " + id + ": stored but not on the topic: " + missing));
        int onTopicDistinct = 0;
        int onTopicRecords = 0;
        for (String id : topic.budgets()) {
            if (storedBefore.contains(id)) {
                continue;
            }
            Set<String> expected = storedEventsById.get(id);
            if (expected == null) {
                problems.add("budget " + id + " is on the topic but not in the event store");
                continue;
            }
            Set<String> extra = new HashSet<>(topic.distinct(id));
            extra.removeAll(expected);
            if (!extra.isEmpty()) {
                problems.add("budget " + id + ": on the topic but not stored: " + extra);
            }
            onTopicDistinct += topic.distinct(id).size();
            onTopicRecords += topic.records(id);
        }

        // approval-service's trail holds every stored transfer, once, in order.
        Map<String, List<String>> trails = new HashMap<>();
        try {
            await("approval-service's trails equal to the stored transfers")
                    .atMost(ARRIVAL)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String auditor = stack.auditorToken();
                        for (StoredBudget budget : stored.values()) {
                            if (!budget.transfers().equals(trails.get(budget.id()))) {
                                trails.put(budget.id(), trail(budget.id(), auditor));
                            }
                        }
                        return stored.values().stream()
                                .allMatch(budget -> budget.transfers().equals(trails.get(budget.id())));
                    });
        } catch (ConditionTimeoutException late) {
            stored.values().stream()
                    .filter(budget -> !budget.transfers().equals(trails.get(budget.id())))
                    .forEach(budget -> problems.add("budget " + budget.id() + ": trail "
                            + (trails.get(budget.id()) == null
                                    ? "unread (last status " + unreadTrails.get(budget.id()) + ")"
                                    : trails.get(budget.id()))
                            + " but stored transfers " + budget.transfers()));
        }
        int storedTransfers = stored.values().stream()
                .mapToInt(budget -> budget.transfers().size())
                .sum();
        int trailEntries = trails.values().stream()
                .mapToInt(trail -> trail == null ? 0 : trail.size())
                .sum();
        int trailDuplicates = trails.values().stream()
                .mapToInt(trail -> trail == null
                        ? 0
                        : trail.size()
                                - (int) trail.stream()
                                        .map(entry -> entry.substring(0, entry.indexOf(':')))
                                        .distinct()
                                        .count())
                .sum();
        if (trailDuplicates > 0) {
            problems.add(trailDuplicates + " duplicate entries in approval-service's trails");
        }

        long acknowledged = load.acknowledged();
        StringBuilder summary = new StringBuilder()
                .append("\n==== fault test: ")
                .append(title)
                .append(" ====\n")
                .append(String.format(
                        "sent:          %d commands for %d budgets (%d openings not acknowledged)%n",
                        load.sent().size(),
                        load.budgets().size(),
                        load.unacknowledgedOpenings().size()))
                .append(String.format("answers:       %s%n", load.outcomes()))
                .append(String.format("acknowledged:  %d commands%n", acknowledged))
                .append(String.format(
                        "stored:        %d events in %d budgets (%d stored without an acknowledgement,"
                                + " %d of them in budgets whose opening was not acknowledged)%n",
                        storedEvents, stored.size(), storedNotAcknowledged, unacknowledgedOpeningsStored))
                .append(String.format(
                        "on the topic:  %d distinct events in %d records (%d redelivered copies)%n",
                        onTopicDistinct, onTopicRecords, onTopicRecords - onTopicDistinct))
                .append(String.format(
                        "trail:         %d entries for %d stored transfers, %d duplicates%n",
                        trailEntries, storedTransfers, trailDuplicates))
                .append(String.format("reads:         %s%n", load.readOutcomes()));
        notes.forEach(note -> summary.append("note:          ").append(note).append('\n'));
        summary.append(
                problems.isEmpty()
                        ? "checks:        acknowledged ⊆ stored ⊆ sent, stored == on topic,"
                                + " trail == stored transfers once each: all hold\n"
                        : "PROBLEMS:\n  " + String.join("\n  ", problems.subList(0, Math.min(problems.size(), 40)))
                                + "\n");
        System.out.print(summary);
        if (problems.isEmpty()) {
            return problems;
        }
        // What a CI log keeps is the assertion's message: it begins with what approval-service said of itself.
        List<String> reported = new ArrayList<>();
        reported.add(problems.size() + " problems in all; reads " + load.readOutcomes());
        reported.add(intakeGroup());
        reported.addAll(approvalServiceComplaints());
        reported.addAll(problems.subList(0, Math.min(problems.size(), 20)));
        return reported;
    }

    /**
     * The distinct errors, held-back and skipped records in approval-service's log (at most 5, without time and thread), so
     * that a trail that never arrived comes with its cause.
     */
    private List<String> approvalServiceComplaints() throws IOException {
        Path log = stack.approvalService().log();
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" ERROR ")
                            || line.contains("held back, not projected")
                            || line.contains("skipped, not projected"))
                    .map(line -> "approval-service log: " + message(line))
                    .distinct()
                    .limit(5)
                    .toList();
        }
    }

    /** approval-service's consumer group: its members with their partitions, and each partition's lag. */
    private String intakeGroup() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(INTAKE_GROUP))
                    .describedGroups()
                    .get(INTAKE_GROUP)
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(INTAKE_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            committed.keySet().stream()
                                    .collect(
                                            Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            String members = group.members().stream()
                    .map(member -> member.clientId()
                            + member.host()
                            + member.assignment().topicPartitions())
                    .sorted()
                    .collect(Collectors.joining(", "));
            String lag = committed.entrySet().stream()
                    .map(entry -> entry.getKey() + " lag "
                            + (ends.get(entry.getKey()).offset()
                                    - entry.getValue().offset()))
                    .sorted()
                    .collect(Collectors.joining(", "));
            return "consumer group " + INTAKE_GROUP + " " + group.state() + ", members " + members + "; " + lag;
        } catch (Exception unknown) {
            return "consumer group " + INTAKE_GROUP + " not described: " + unknown;
        }
    }

    /** A log line's message, without the time, process and thread before it, cut at 300 characters. */
    private static String message(String line) {
        int start = line.indexOf(" : ");
        String message = start < 0 ? line : line.substring(start + 3);
        return message.length() <= 300 ? message : message.substring(0, 300);
    }

    private StoredBudget storedBudget(String id, String token) throws Exception {
        FaultStack.Answer answer = stack.get(stack.budgetServiceUrl() + "/api/v1/budgets/" + id + "/events", token);
        if (answer.status() != 200) {
            throw new IllegalStateException("events of " + id + ": " + answer.status());
        }
        return storedBudget(id, answer.body());
    }

    /** A budget's events and control transfers from budget-service's {@code GET /api/v1/budgets/{id}/events}. */
    static StoredBudget storedBudget(String id, JsonNode stored) {
        List<String> events = new ArrayList<>();
        List<String> transfers = new ArrayList<>();
        for (JsonNode event : stored) {
            long sequence = event.get("sequence").asLong();
            events.add(sequence + ":" + event.get("type").asText());
            if (!event.get("controlBefore").equals(event.get("controlAfter"))) {
                transfers.add(
                        sequence + ":" + holder(event.get("controlBefore")) + "->" + holder(event.get("controlAfter")));
            }
        }
        String person =
                stored.get(0).get("payload").get("opening").get("person").asText();
        return new StoredBudget(id, person, events, transfers);
    }

    /** The trail's transfers, or null while approval-service does not know the budget or the token yet. */
    private List<String> trail(String id, String token) throws Exception {
        FaultStack.Answer answer = trailAnswer(stack, stack.approvalServiceUrl(), id, token);
        if (answer.status() != 200) {
            unreadTrails.put(id, answer.status());
        }
        return transfers(answer);
    }

    /**
     * The transfers of a budget's control trail read from the approval-service at {@code approvalService}, as
     * "sequence:from->to", or null while that instance does not know the budget (or the token) yet.
     */
    static List<String> trail(FaultStack stack, String approvalService, String id, String token) throws Exception {
        return transfers(trailAnswer(stack, approvalService, id, token));
    }

    private static FaultStack.Answer trailAnswer(FaultStack stack, String approvalService, String id, String token)
            throws Exception {
        return stack.get(approvalService + "/api/v1/budgets/" + id + "/control-trail", token);
    }

    private static List<String> transfers(FaultStack.Answer answer) {
        if (answer.status() != 200) {
            return null;
        }
        List<String> transfers = new ArrayList<>();
        for (JsonNode entry : answer.body().get("transfers")) {
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
}
