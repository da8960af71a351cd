package uk.gov.personalbudget.system;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.personalbudget.testsupport.process.LifecycleScript.SCRIPT;

/**
 * Scale-out (profile {@code faults}, deploy/README.md "Scaling"): three budget-service instances sharing one event
 * store and key store, and two approval-service instances sharing one projections database and consumer group, on
 * one PostgreSQL and one Kafka broker, all trusting one token issuer. {@link RoundRobinLoad} drives 200 budgets
 * through their whole lifecycle from 8 clients, each command to the next budget-service instance in turn. Mid-load
 * one instance of each service is killed (SIGKILL) and started again, and a replay of the projections is started
 * on an approval-service instance.
 * <p>
 * The script is valid from start to end, so a single instance refuses none of it: any refusal here is an instance
 * deciding on a stale view of a budget, and fails the test. Then: every acknowledged command is stored once, in
 * the script's order (read from the event store's table); every stored event is on the topic (copies, which
 * at-least-once publication allows, are counted); and each budget's control trail, read from both approval-service
 * instances after the replay, equals the transfers budget-service derives from the stored events in their order
 * ({@code GET /api/v1/budgets/{id}/events}, the control rule applied event by event): what one instance of each
 * service would answer.
 */
class ScaleOutIT {

    private static final int BUDGET_INSTANCES = 3;
    private static final int APPROVAL_INSTANCES = 2;
    private static final int CLIENTS = 8;
    private static final int BUDGETS = 200;
    private static final int COMMANDS = BUDGETS * SCRIPT.size();
    private static final Duration MAX_LOAD = Duration.ofMinutes(4);
    /** How long, after the load, the topic and the trails may take to be complete (publication and intake back off). */
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    /** Claim timeout (10 s) + claim interval (2 s), with room for a loaded 2-core machine. */
    private static final Duration MAX_TAKEOVER = Duration.ofSeconds(30);

    private static final int KILLED_APPROVAL_INSTANCE = 1;
    private static final int REPLAY_INSTANCE = 0;

    @Test
    void lifecyclesSentRoundRobinThroughKillsAndAReplayAreDecidedAndProjectedAsByOneInstance(@TempDir Path data)
            throws Exception {
        Instant began = Instant.now();
        try (FaultStack stack = FaultStack.startScaledOut(data, BUDGET_INSTANCES, APPROVAL_INSTANCES)) {
            Duration startUp = Duration.between(began, Instant.now());
            List<String> notes = new ArrayList<>();
            RoundRobinLoad load = new RoundRobinLoad(
                            IntStream.range(0, BUDGET_INSTANCES)
                                    .mapToObj(stack::budgetServiceUrl)
                                    .toList(),
                            TestIssuer.get(),
                            CLIENTS,
                            BUDGETS,
                            MAX_LOAD)
                    .start();
            Instant loadBegan = Instant.now();

            awaitAcknowledged(load, COMMANDS / 3);
            int inFlight = load.inFlight();
            // The instance publishing most: the first to start claims every segment, and the test is of their takeover.
            List<String> owners = stack.publicationClaimOwners();
            int killedBudget = IntStream.range(0, BUDGET_INSTANCES)
                    .boxed()
                    .max(Comparator.comparingLong(instance -> claimsOf(owners, ownerPrefix(stack, instance))))
                    .orElseThrow();
            String killedOwner = ownerPrefix(stack, killedBudget);
            long claimsHeld = claimsOf(owners, killedOwner);
            stack.killBudgetService(killedBudget);
            stack.killApprovalService(KILLED_APPROVAL_INSTANCE);
            Instant killed = Instant.now();
            notes.add(String.format(
                    "killed budget-service %d and approval-service %d after %d acknowledgements,"
                            + " %d request(s) in flight",
                    killedBudget, KILLED_APPROVAL_INSTANCE, load.acknowledged(), inFlight));
            CompletableFuture<Duration> budgetBack = restart(() -> stack.startBudgetService(killedBudget), killed);
            CompletableFuture<Duration> approvalBack =
                    restart(() -> stack.startApprovalService(KILLED_APPROVAL_INSTANCE), killed);
            Duration takeover = awaitTakeover(stack, killedOwner, killed);
            notes.add(String.format(
                    "publication segments: the killed instance held %d claim(s); none left %.1f s"
                            + " after the kill (claim timeout 10 s + claim interval 2 s)",
                    claimsHeld, takeover.toMillis() / 1000.0));

            awaitAcknowledged(load, 2 * COMMANDS / 3);
            String auditor = stack.auditorToken();
            String replays = stack.approvalServiceUrl(REPLAY_INSTANCE) + "/api/v1/replays";
            long acknowledgedBeforeReplay = load.acknowledged();
            FaultStack.Answer replay = stack.post(replays, auditor);
            notes.add(String.format(
                    "replay asked of approval-service %d after %d acknowledgements, answered %d after"
                            + " %d (it answers once intake has paused on every instance) %s",
                    REPLAY_INSTANCE,
                    acknowledgedBeforeReplay,
                    replay.status(),
                    load.acknowledged(),
                    replay.status() == 202 ? "" : replay.body().path("detail").asText()));

            load.awaitDone();
            Duration loadTime = Duration.between(loadBegan, Instant.now());
            notes.add(String.format(
                    "back and ready after the kill: budget-service %.1f s, approval-service %.1f s",
                    budgetBack.get().toMillis() / 1000.0, approvalBack.get().toMillis() / 1000.0));
            List<String> problems = new ArrayList<>();
            String replayStatus = awaitReplay(stack, replays, replay, auditor);
            if (!"COMPLETED".equals(replayStatus)) {
                problems.add("the replay ended " + replayStatus);
            }

            Audit audit = new Audit(stack, load, problems);
            audit.eventStore();
            audit.topic();
            audit.trails(auditor);
            notes.add(String.format(
                    "load %.1f s, whole test %.1f s (stack start-up %.1f s)",
                    loadTime.toMillis() / 1000.0,
                    Duration.between(began, Instant.now()).toMillis() / 1000.0,
                    startUp.toMillis() / 1000.0));
            System.out.print(audit.summary(replayStatus, notes));

            assertThat(claimsHeld)
                    .as("publication claims the killed instance held")
                    .isPositive();
            assertThat(takeover)
                    .as("time until the killed instance's publication segments were taken over")
                    .isLessThanOrEqualTo(MAX_TAKEOVER);
            assertThat(load.refusals())
                    .as("refusals, by reason (a single instance refuses none of the script)")
                    .isEmpty();
            assertThat(load.budgets())
                    .as("budgets through their whole lifecycle")
                    .hasSize(BUDGETS)
                    .allMatch(RoundRobinLoad.Budget::finished);
            assertThat(problems).as("what the audit found (first 20)").isEmpty();
        }
    }

    @FunctionalInterface
    private interface Start {
        void start() throws Exception;
    }

    /**
     * Starts an instance again on a thread of its own (the load goes on meanwhile; the common pool has a single
     * thread on two cores); completes with the time it was away.
     */
    private static CompletableFuture<Duration> restart(Start start, Instant killed) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        start.start();
                        return Duration.between(killed, Instant.now());
                    } catch (Exception failed) {
                        throw new IllegalStateException("restart failed", failed);
                    }
                },
                task -> new Thread(task, "restart").start());
    }

    /** How a budget-service instance names itself as a claim's owner: Axon's default node id, "pid@host". */
    private static String ownerPrefix(FaultStack stack, int instance) {
        return stack.budgetService(instance).pid() + "@";
    }

    private static long claimsOf(List<String> owners, String ownerPrefix) {
        return owners.stream()
                .filter(owner -> owner != null && owner.startsWith(ownerPrefix))
                .count();
    }

    /**
     * Waits until no publication segment is claimed by the killed instance any more (its claims time out, and the
     * others' coordinators claim them); answers how long after the kill that was.
     */
    private static Duration awaitTakeover(FaultStack stack, String killedOwner, Instant killed) {
        await("the killed instance's publication segments taken over")
                .atMost(MAX_TAKEOVER.plusSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> claimsOf(stack.publicationClaimOwners(), killedOwner) == 0);
        return Duration.between(killed, Instant.now());
    }

    /** Waits until {@code target} commands are acknowledged, or the load has ended short of them (refusals). */
    private static void awaitAcknowledged(RoundRobinLoad load, int target) {
        await(target + " commands acknowledged")
                .atMost(MAX_LOAD)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> load.acknowledged() >= target || load.done());
    }

    /** Waits for the replay to end; answers its last status (or why there is none). */
    private static String awaitReplay(FaultStack stack, String replays, FaultStack.Answer started, String auditor) {
        if (started.status() != 202) {
            return "not started (" + started.status() + ")";
        }
        String url = replays + "/" + started.body().get("id").asText();
        String[] status = {started.body().path("status").asText()};
        try {
            await("the replay ended")
                    .atMost(ARRIVAL)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        FaultStack.Answer progress = stack.get(url, auditor);
                        status[0] = progress.body() == null
                                ? "unreadable (" + progress.status() + ")"
                                : progress.body().path("status").asText();
                        return !"RUNNING".equals(status[0]);
                    });
        } catch (ConditionTimeoutException late) {
            return status[0] + " after " + ARRIVAL.toSeconds() + " s";
        }
        return status[0];
    }

    /** What was stored, published and projected, against what the load had acknowledged. */
    private static final class Audit {
        private final FaultStack stack;
        private final RoundRobinLoad load;
        private final List<String> problems;
        private Map<String, List<String>> stored;
        private final Set<String> orphans = new HashSet<>();
        private int onTopicDistinct;
        private int onTopicRecords;
        private final Map<String, List<String>> expectedTrails = new HashMap<>();
        private final List<Map<String, List<String>>> trails = new ArrayList<>();

        Audit(FaultStack stack, RoundRobinLoad load, List<String> problems) {
            this.stack = stack;
            this.load = load;
            this.problems = problems;
        }

        /**
         * Each budget's stored events are its script's first ones, at least as many as were acknowledged and at most
         * as many as were attempted: every acknowledged command stored once, in order. A budget no acknowledgement
         * names is an opening stored by an instance killed before it answered; the retry opened another.
         */
        void eventStore() throws Exception {
            stored = stack.storedEvents();
            Set<String> known = new HashSet<>();
            for (RoundRobinLoad.Budget budget : load.budgets()) {
                if (budget.id == null) {
                    continue;
                }
                known.add(budget.id);
                List<String> events = stored.getOrDefault(budget.id, List.of());
                if (events.size() < budget.acknowledged || events.size() > budget.attempted) {
                    problems.add(budget.person + " (" + budget.id + "): " + budget.acknowledged + " acknowledged, "
                            + budget.attempted + " attempted, " + events.size() + " stored");
                }
                for (int i = 0; i < events.size(); i++) {
                    String expected =
                            i + ":" + SCRIPT.get(Math.min(i, SCRIPT.size() - 1)).eventType();
                    if (!events.get(i).equals(expected)) {
                        problems.add(budget.person + " (" + budget.id + "): stored " + events.get(i) + ", expected "
                                + expected);
                    }
                }
            }
            stored.keySet().stream().filter(id -> !known.contains(id)).forEach(orphans::add);
            long unansweredOpenings = load.budgets().stream()
                    .filter(budget -> budget.openingUnanswered)
                    .count();
            if (orphans.size() > unansweredOpenings) {
                problems.add(orphans.size() + " budgets stored that no acknowledgement names, but only "
                        + unansweredOpenings + " openings went unanswered");
            }
            for (String orphan : orphans) {
                if (!stored.get(orphan).equals(List.of("0:" + SCRIPT.get(0).eventType()))) {
                    problems.add("budget " + orphan + " no acknowledgement names holds " + stored.get(orphan));
                }
            }
        }

        /** Every stored event on the topic, nothing else; copies counted. */
        void topic() throws Exception {
            TopicRecords topic = TopicRecords.readUntilPresent(stack.kafkaBootstrapServers(), stored, ARRIVAL);
            topic.missing(stored)
                    .forEach((id, missing) ->
                            problems.add("budget " + id + ": stored but not on the topic: " + missing));
            for (String id : topic.budgets()) {
                Set<String> extra = new HashSet<>(topic.distinct(id));
                extra.removeAll(stored.getOrDefault(id, List.of()));
                if (!extra.isEmpty()) {
                    problems.add("budget " + id + ": on the topic but not stored: " + extra);
                }
                onTopicDistinct += topic.distinct(id).size();
                onTopicRecords += topic.records(id);
            }
        }

        /** Each budget's trail on every approval-service instance equals the transfers of its stored events. */
        void trails(String auditor) throws Exception {
            for (String id : stored.keySet()) {
                FaultStack.Answer events =
                        stack.get(stack.budgetServiceUrl() + "/api/v1/budgets/" + id + "/events", auditor);
                if (events.status() != 200) {
                    problems.add("events of " + id + ": " + events.status());
                    continue;
                }
                expectedTrails.put(
                        id, DeliveryAudit.storedBudget(id, events.body()).transfers());
            }
            for (int i = 0; i < stack.approvalInstances(); i++) {
                trails.add(new HashMap<>());
            }
            try {
                await("every approval-service instance's trails equal to the stored transfers")
                        .atMost(ARRIVAL)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            boolean all = true;
                            for (int i = 0; i < trails.size(); i++) {
                                for (Map.Entry<String, List<String>> expected : expectedTrails.entrySet()) {
                                    if (!expected.getValue()
                                            .equals(trails.get(i).get(expected.getKey()))) {
                                        trails.get(i)
                                                .put(
                                                        expected.getKey(),
                                                        DeliveryAudit.trail(
                                                                stack,
                                                                stack.approvalServiceUrl(i),
                                                                expected.getKey(),
                                                                auditor));
                                        all &= expected.getValue()
                                                .equals(trails.get(i).get(expected.getKey()));
                                    }
                                }
                            }
                            return all;
                        });
            } catch (ConditionTimeoutException late) {
                for (int i = 0; i < trails.size(); i++) {
                    int instance = i;
                    expectedTrails.entrySet().stream()
                            .filter(expected -> !expected.getValue()
                                    .equals(trails.get(instance).get(expected.getKey())))
                            .limit(10)
                            .forEach(expected -> problems.add("approval-service " + instance + ", budget "
                                    + expected.getKey() + ": trail "
                                    + trails.get(instance).get(expected.getKey())
                                    + " but stored transfers " + expected.getValue()));
                }
            }
        }

        String summary(String replayStatus, List<String> notes) throws InterruptedException {
            List<RoundRobinLoad.Budget> budgets = load.budgets();
            RoundRobinLoad.Totals totals = load.totals();
            long finished =
                    budgets.stream().filter(RoundRobinLoad.Budget::finished).count();
            int storedEvents = stored.values().stream().mapToInt(List::size).sum();
            int transfers =
                    expectedTrails.values().stream().mapToInt(List::size).sum();
            List<String> agreeing = new ArrayList<>();
            for (int i = 0; i < trails.size(); i++) {
                Map<String, List<String>> trail = trails.get(i);
                agreeing.add(expectedTrails.entrySet().stream()
                                .filter(expected -> expected.getValue().equals(trail.get(expected.getKey())))
                                .count()
                        + " on approval-service " + i);
            }
            long identical = expectedTrails.keySet().stream()
                    .filter(id -> trails.stream()
                                            .map(trail -> trail.get(id))
                                            .distinct()
                                            .count()
                                    == 1
                            && trails.get(0).get(id) != null)
                    .count();
            Map<String, Long> refusedAt = new TreeMap<>();
            budgets.stream()
                    .filter(budget -> budget.refusal != null)
                    .forEach(budget -> refusedAt.merge(budget.refusal, 1L, Long::sum));
            StringBuilder summary = new StringBuilder()
                    .append("\n==== scale-out: ")
                    .append(BUDGET_INSTANCES)
                    .append(" budget-service, ")
                    .append(APPROVAL_INSTANCES)
                    .append(" approval-service instances, round robin, ")
                    .append(CLIENTS)
                    .append(" clients ====\n")
                    .append(String.format(
                            "budgets:       %d started, %d through their whole lifecycle, %d given up%n",
                            budgets.size(), finished, budgets.size() - finished))
                    .append(String.format(
                            "commands:      %d sent as %d requests; retried on the next instance: %s%n",
                            totals.commands(), totals.requests(), load.retries()))
                    .append(String.format(
                            "acknowledged:  %d (%d answered again from the idempotency store, %d found"
                                    + " stored after their answer was lost); by instance %s%n",
                            load.acknowledged(), totals.replayed(), totals.storedAnswerLost(), load.acknowledgedBy()))
                    .append(String.format(
                            "refused:       %d %s%n",
                            load.refusals().values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum(),
                            load.refusals()))
                    .append(String.format("refused at:    %s%n", refusedAt))
                    .append(String.format(
                            "event store:   %d events in %d budgets (%d openings stored without an" + " answer)%n",
                            storedEvents, stored.size(), orphans.size()))
                    .append(String.format(
                            "on the topic:  %d distinct events in %d records (%d re-publications)%n",
                            onTopicDistinct, onTopicRecords, onTopicRecords - onTopicDistinct))
                    .append(String.format(
                            "trails:        %d budgets, %d stored transfers; equal to the stored"
                                    + " transfers: %s; identical on all instances: %d%n",
                            expectedTrails.size(), transfers, String.join(", ", agreeing), identical))
                    .append(String.format("replay:        %s%n", replayStatus))
                    .append(String.format(
                            "metrics:       budget_aggregate_reloads_total %s, budget_command_retries_total %s,"
                                    + " approval_intake_duplicates_total %s (a killed instance counts from 0 again)%n",
                            counters(BUDGET_INSTANCES, stack::budgetService, "budget_aggregate_reloads_total"),
                            counters(BUDGET_INSTANCES, stack::budgetService, "budget_command_retries_total"),
                            counters(APPROVAL_INSTANCES, stack::approvalService, "approval_intake_duplicates_total")));
            notes.forEach(note -> summary.append("note:          ").append(note).append('\n'));
            summary.append(
                    problems.isEmpty()
                            ? "checks:        acknowledged stored once in order, stored == on topic,"
                                    + " trails == stored transfers on every instance: all hold\n"
                            : "PROBLEMS:\n  " + String.join("\n  ", problems.subList(0, Math.min(problems.size(), 40)))
                                    + "\n");
            return summary.toString();
        }

        private static List<String> counters(int instances, IntFunction<ServiceProcess> service, String name)
                throws InterruptedException {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                double value = service.apply(i).prometheusCounter(name);
                values.add(Double.isNaN(value) ? "absent" : String.format("%.0f", value));
            }
            return values;
        }
    }
}
