package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static uk.gov.personalbudget.testsupport.process.LifecycleScript.SCRIPT;

/**
 * Whole lifecycles ({@link LifecycleScript#SCRIPT}) sent to several budget-service instances as a load balancer
 * without affinity would: every request goes to the next instance in turn, one turn for all clients. A fixed
 * number of budgets is shared out among the client threads, each driving one budget at a time, as fast as it is
 * answered. Tokens come from the issuer every instance trusts.
 * <p>
 * Each command carries an {@code Idempotency-Key}. A request without an answer (the instance was killed, or is
 * down) is sent again to the next instance with the same key, after reading the budget's events to see whether
 * the lost request was stored before its instance died (then the command is done: its answer was lost, not its
 * effect). A {@code 409 idempotency-key-in-use} (the key is still claimed by a request cut off by a kill) and a
 * {@code 503} are retried after their {@code Retry-After}. Any other answer that is not a 2xx is a refusal: it is
 * counted by reason and the budget is given up.
 */
final class RoundRobinLoad {

    /** One budget: its person, its id once opened, how far it got, and the refusal that stopped it, if any. */
    static final class Budget {
        final String person;
        volatile String id;
        volatile int acknowledged;
        volatile int attempted;
        volatile boolean openingUnanswered;
        volatile String refusal;

        Budget(String person) {
            this.person = person;
        }

        boolean finished() {
            return acknowledged == SCRIPT.size();
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final String IN_USE = "urn:personal-budget:problem:idempotency-key-in-use";

    private final List<String> instances;
    private final TestIssuer issuer;
    private final int clients;
    private final int budgetCount;
    private final Duration maxDuration;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String auditor;
    private final AtomicLong turn = new AtomicLong();
    private final AtomicInteger budgetsStarted = new AtomicInteger();
    private final List<Budget> budgets = new CopyOnWriteArrayList<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger storedAnswerLost = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> acknowledgedBy = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile Instant deadline;

    /**
     * @param instances   budget-service's base URLs, in the order of the turn
     * @param budgetCount how many budgets to drive through their whole lifecycle
     * @param maxDuration the longest the load runs; a budget not finished by then is left where it is
     */
    RoundRobinLoad(List<String> instances, TestIssuer issuer, int clients, int budgetCount, Duration maxDuration) {
        this.instances = List.copyOf(instances);
        this.issuer = issuer;
        this.clients = clients;
        this.budgetCount = budgetCount;
        this.maxDuration = maxDuration;
        this.auditor = issuer.token(TokenHolder.of("so-auditor", Role.AUDITOR, null, null));
    }

    RoundRobinLoad start() {
        deadline = Instant.now().plus(maxDuration);
        for (int i = 0; i < clients; i++) {
            int client = i;
            workers.add(new Thread(() -> drive(client), "round-robin-client-" + i));
        }
        workers.forEach(Thread::start);
        return this;
    }

    /** Waits until every budget is finished or given up, or the load's time is over. */
    void awaitDone() throws InterruptedException {
        for (Thread worker : workers) {
            worker.join(Math.max(
                    1, Duration.between(Instant.now(), deadline).plusSeconds(30).toMillis()));
            if (worker.isAlive()) {
                throw new IllegalStateException(worker.getName() + " still running after the load's time");
            }
        }
    }

    /** Whether every client has stopped: all budgets finished or given up, or time is over. */
    boolean done() {
        return workers.stream().noneMatch(Thread::isAlive);
    }

    List<Budget> budgets() {
        return List.copyOf(budgets);
    }

    long acknowledged() {
        return acknowledged.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    /**
     * Commands sent, the requests they took, and of the commands acknowledged: those answered again from the
     * idempotency store, and those found stored after their instance died without answering.
     */
    record Totals(int commands, int requests, int replayed, int storedAnswerLost) {}

    Totals totals() {
        return new Totals(commands.get(), requests.get(), replayed.get(), storedAnswerLost.get());
    }

    Map<String, Integer> retries() {
        return new TreeMap<>(retries);
    }

    Map<String, Integer> refusals() {
        return new TreeMap<>(refusals);
    }

    /** Acknowledgements by instance (0-based, in the order of the turn). */
    Map<Integer, Integer> acknowledgedBy() {
        return new TreeMap<>(acknowledgedBy);
    }

    private boolean timeLeft() {
        return Instant.now().isBefore(deadline);
    }

    private void drive(int client) {
        String practitioner = issuer.token(TokenHolder.of("pr-so-" + client, Role.PRACTITIONER, null, null));
        String authority = issuer.token(TokenHolder.of("au-so-" + client, Role.AUTHORITY, null, 2_000_000L));
        int number;
        while (timeLeft() && (number = budgetsStarted.getAndIncrement()) < budgetCount) {
            Budget budget = new Budget("so-" + number);
            budgets.add(budget);
            String person = issuer.token(TokenHolder.of("p-" + budget.person, Role.PERSON, budget.person, null));
            Map<String, String> byRole = Map.of("PRACTITIONER", practitioner, "AUTHORITY", authority, "PERSON", person);
            for (int step = 0; step < SCRIPT.size(); step++) {
                if (!command(budget, step, byRole.get(SCRIPT.get(step).role()))) {
                    break;
                }
            }
        }
    }

    /** Sends one command until an instance acknowledges it; false when it was refused or time ran out. */
    private boolean command(Budget budget, int step, String token) {
        commands.incrementAndGet();
        budget.attempted = step + 1;
        String key = UUID.randomUUID().toString();
        String body = LifecycleScript.body(step, budget.person);
        while (timeLeft()) {
            int instance = (int) (turn.getAndIncrement() % instances.size());
            HttpResponse<String> answer = send(instance, LifecycleScript.path(step, budget.id), token, key, body);
            if (answer == null) {
                retries.merge("no answer from instance " + instance, 1, Integer::sum);
                if (step == 0) {
                    budget.openingUnanswered = true;
                } else if (storedAlready(budget, step)) {
                    storedAnswerLost.incrementAndGet();
                    acknowledge(budget, instance);
                    return true;
                }
                continue;
            }
            if (answer.statusCode() / 100 == 2) {
                if (step == 0) {
                    budget.id = read(answer.body()).get("id").asText();
                }
                if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayed.incrementAndGet();
                }
                acknowledge(budget, instance);
                return true;
            }
            String reason = answer.statusCode() + " " + shortType(answer);
            if (answer.statusCode() == 503 || (answer.statusCode() == 409 && IN_USE.equals(problemType(answer)))) {
                retries.merge(reason, 1, Integer::sum);
                pause(Duration.ofSeconds(
                        answer.headers().firstValueAsLong("Retry-After").orElse(1)));
                continue;
            }
            refusals.merge(reason, 1, Integer::sum);
            budget.refusal = SCRIPT.get(step).eventType() + ": " + reason;
            return false;
        }
        budget.refusal = SCRIPT.get(step).eventType() + ": load's time over";
        return false;
    }

    private void acknowledge(Budget budget, int instance) {
        budget.acknowledged++;
        acknowledged.incrementAndGet();
        acknowledgedBy.merge(instance, 1, Integer::sum);
    }

    /** The answer, or null when there was none (refused connection, cut off, timed out). */
    private HttpResponse<String> send(int instance, String path, String token, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instances.get(instance) + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        requests.incrementAndGet();
        inFlight.incrementAndGet();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Whether step {@code step} of the budget is stored, read from the event store through the next instances
     * that answer: after a kill, the only way to know whether a command whose answer was lost took effect.
     */
    private boolean storedAlready(Budget budget, int step) {
        while (timeLeft()) {
            int instance = (int) (turn.getAndIncrement() % instances.size());
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(instances.get(instance) + "/api/v1/budgets/" + budget.id + "/events"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + auditor)
                    .GET()
                    .build();
            try {
                HttpResponse<String> events = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (events.statusCode() == 200) {
                    return read(events.body()).size() > step;
                }
            } catch (IOException noAnswer) {
                // The next instance, then.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
        return false;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException unreadable) {
            throw new IllegalStateException("an unreadable 2xx body: " + body, unreadable);
        }
    }

    private String problemType(HttpResponse<String> response) {
        try {
            JsonNode type = json.readTree(response.body()).get("type");
            return type == null ? "(no problem type)" : type.asText();
        } catch (IOException notJson) {
            return "(not a problem detail)";
        }
    }

    /** The last part of the problem type: for a business refusal, the rule's slug (e.g. {@code no-open-offer}). */
    private String shortType(HttpResponse<String> response) {
        String type = problemType(response);
        return type.substring(type.lastIndexOf(':') + 1);
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
