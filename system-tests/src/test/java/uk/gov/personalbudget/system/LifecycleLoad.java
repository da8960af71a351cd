package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;
import uk.gov.personalbudget.testsupport.tokens.DevTokenRequests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static uk.gov.personalbudget.testsupport.process.LifecycleScript.SCRIPT;

/**
 * A steady load of lifecycle commands over HTTP, only to budget-service on localhost: a few threads each open a
 * budget, drive it through {@link uk.gov.personalbudget.testsupport.process.LifecycleScript#SCRIPT} and open the next. It records every command it sends and how it was
 * answered. A thread gives a budget up at its first command that is not acknowledged (2xx): whether that command
 * was stored is then unknown, and the checks allow either, so a budget's stored events are always a prefix of its
 * script between what was acknowledged and what was sent. A reader thread meanwhile reads finished budgets back
 * from both services, to see what callers get during the fault.
 */
final class LifecycleLoad implements AutoCloseable {

    enum Outcome {
        ACKNOWLEDGED,
        REJECTED,
        NO_ANSWER
    }

    /**
     * One command sent and how it was answered: its status (0 without an answer), the problem type of a
     * rejection, whether a rejection was a problem detail with Retry-After, and for an acknowledgement the
     * budget's version it reported.
     */
    record Sent(
            int step,
            Outcome outcome,
            int status,
            String problemType,
            boolean problemJson,
            boolean retryAfter,
            long version) {}

    /** A budget the load opened or tried to open, identified by its unique person reference. */
    static final class Budget {
        final String person;
        volatile String id;
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        Budget(String person) {
            this.person = person;
        }

        int acknowledged() {
            return (int) sent.stream()
                    .filter(s -> s.outcome() == Outcome.ACKNOWLEDGED)
                    .count();
        }

        boolean finished() {
            return acknowledged() == SCRIPT.size();
        }
    }

    /** One read of a budget's events (budget-service) or control trail (approval-service) during the load. */
    record Read(
            String service,
            int status,
            String problemType,
            boolean problemJson,
            boolean retryAfter,
            String inconsistency) {}

    private static final Duration BACK_OFF = Duration.ofMillis(250);
    /** Each thread sends at most one command per interval: a steady load, whatever the machine's speed. */
    private static final Duration PACE = Duration.ofMillis(100);

    private final String label;
    private final String budgetService;
    private final String approvalService;
    private final int threads;
    private final int maxCommands;
    private final Duration maxDuration;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Budget> budgets = new CopyOnWriteArrayList<>();
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    /** Every answer (or its absence), in the order they came. */
    private final List<Sent> answers = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile Instant deadline;

    /**
     * @param label       distinguishes this load's budgets (their person references start with it)
     * @param maxCommands the most commands it sends in all
     * @param maxDuration the longest it runs, should {@link #stop()} never come
     */
    LifecycleLoad(
            String label,
            String budgetService,
            String approvalService,
            int threads,
            int maxCommands,
            Duration maxDuration) {
        this.label = label;
        this.budgetService = budgetService;
        this.approvalService = approvalService;
        this.threads = threads;
        this.maxCommands = maxCommands;
        this.maxDuration = maxDuration;
    }

    LifecycleLoad start() {
        deadline = Instant.now().plus(maxDuration);
        for (int i = 0; i < threads; i++) {
            int thread = i;
            workers.add(new Thread(() -> drive(thread), label + "-load-" + i));
        }
        workers.add(new Thread(this::readBack, label + "-reader"));
        workers.forEach(Thread::start);
        return this;
    }

    /** Stops sending and waits for the commands in flight to be answered. */
    void stop() throws InterruptedException {
        stop.countDown();
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(60).toMillis());
            if (worker.isAlive()) {
                throw new IllegalStateException(worker.getName() + " did not stop");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    List<Budget> budgets() {
        return List.copyOf(budgets);
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    List<Read> readsSince(int from) {
        List<Read> all = reads();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** Every command answered (or left without an answer) so far, in that order. */
    List<Sent> sent() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** Commands answered (or left without one) after the first {@code from}. */
    List<Sent> sentSince(int from) {
        synchronized (answers) {
            return List.copyOf(answers.subList(Math.min(from, answers.size()), answers.size()));
        }
    }

    /** Commands sent and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** "ACKNOWLEDGED=…, REJECTED 503=…, NO_ANSWER=…", for the summary. */
    String outcomes() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Sent sent : sent()) {
            String key = sent.outcome() != Outcome.REJECTED
                    ? sent.outcome().name().toLowerCase()
                    : "rejected " + sent.status()
                            + (sent.problemType() == null
                                    ? ""
                                    : " "
                                            + sent.problemType()
                                                    .substring(
                                                            sent.problemType().lastIndexOf(':') + 1));
            counts.merge(key, 1, Integer::sum);
        }
        return counts.toString();
    }

    String readOutcomes() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Read read : reads) {
            counts.merge(read.service() + " " + (read.status() == 0 ? "no answer" : read.status()), 1, Integer::sum);
        }
        return counts.toString();
    }

    private boolean running() {
        return stop.getCount() > 0
                && commands.get() < maxCommands
                && Instant.now().isBefore(deadline);
    }

    /** Waits before the next attempt, unless the load is being stopped. */
    private void backOff() {
        waitUnlessStopped(BACK_OFF.toNanos());
    }

    private void waitUnlessStopped(long nanos) {
        try {
            stop.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drive(int thread) {
        int number = 0;
        long nextSend = System.nanoTime();
        while (running() && !Thread.currentThread().isInterrupted()) {
            String practitioner = token("pr-load-" + thread, "PRACTITIONER", null, null);
            String authority = token("au-load-" + thread, "AUTHORITY", null, 2_000_000L);
            Budget budget = new Budget(label + "-" + thread + "-" + number++);
            String person = token("p-" + budget.person, "PERSON", budget.person, null);
            if (practitioner == null || authority == null || person == null) {
                backOff();
                continue;
            }
            Map<String, String> byRole = Map.of("PRACTITIONER", practitioner, "AUTHORITY", authority, "PERSON", person);
            budgets.add(budget);
            for (int step = 0; step < SCRIPT.size() && running(); step++) {
                // A slow answer does not make the next ones come in a burst.
                nextSend = Math.max(nextSend + PACE.toNanos(), System.nanoTime());
                waitUnlessStopped(nextSend - System.nanoTime());
                if (!running()) {
                    break;
                }
                Sent sent = send(budget, step, byRole.get(SCRIPT.get(step).role()));
                budget.sent.add(sent);
                answers.add(sent);
                if (sent.outcome() == Outcome.ACKNOWLEDGED) {
                    acknowledged.incrementAndGet();
                }
                if (sent.outcome() != Outcome.ACKNOWLEDGED) {
                    if (sent.status() == 401) {
                        // The service was restarted with a new signing key: fetch new tokens.
                        tokens.clear();
                    }
                    backOff();
                    break;
                }
            }
        }
    }

    private Sent send(Budget budget, int step, String token) {
        String uri = budgetService + LifecycleScript.path(step, budget.id);
        String body = LifecycleScript.body(step, budget.person);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        commands.incrementAndGet();
        HttpResponse<String> response;
        inFlight.incrementAndGet();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return new Sent(step, Outcome.NO_ANSWER, 0, null, false, false, -1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Sent(step, Outcome.NO_ANSWER, 0, null, false, false, -1);
        } finally {
            inFlight.decrementAndGet();
        }
        if (response.statusCode() / 100 == 2) {
            try {
                JsonNode accepted = json.readTree(response.body());
                if (step == 0) {
                    budget.id = accepted.get("id").asText();
                }
                return new Sent(
                        step,
                        Outcome.ACKNOWLEDGED,
                        response.statusCode(),
                        null,
                        false,
                        false,
                        accepted.get("version").asLong());
            } catch (IOException | RuntimeException unreadable) {
                // A 2xx whose body is not the CommandAccepted the contract promises: partial data.
                return new Sent(
                        step, Outcome.ACKNOWLEDGED, response.statusCode(), "unreadable 2xx body", false, false, -1);
            }
        }
        return rejected(step, response);
    }

    private Sent rejected(int step, HttpResponse<String> response) {
        return new Sent(
                step,
                Outcome.REJECTED,
                response.statusCode(),
                problemType(response),
                isProblem(response),
                response.headers().firstValue("Retry-After").isPresent(),
                -1);
    }

    /** Reads the events of finished budgets from budget-service and their trails from approval-service. */
    private void readBack() {
        int next = 0;
        while (running() && !Thread.currentThread().isInterrupted()) {
            List<Budget> finished = budgets.stream().filter(Budget::finished).toList();
            String auditor = token("aud-load", "AUDITOR", null, null);
            if (finished.isEmpty() || auditor == null) {
                backOff();
                continue;
            }
            Budget budget = finished.get(next++ % finished.size());
            reads.add(read(
                    "budget-service",
                    budgetService + "/api/v1/budgets/" + budget.id + "/events",
                    auditor,
                    body -> body.size() == SCRIPT.size() ? null : "events of a finished budget: " + body.size()));
            reads.add(read(
                    "approval-service",
                    approvalService + "/api/v1/budgets/" + budget.id + "/control-trail",
                    auditor,
                    body -> body.has("transfers") ? null : "a trail without transfers"));
            backOff();
        }
    }

    private Read read(String service, String uri, String token, Function<JsonNode, String> check) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                tokens.clear();
            }
            String inconsistency = null;
            if (response.statusCode() == 200) {
                try {
                    inconsistency = check.apply(json.readTree(response.body()));
                } catch (IOException unreadable) {
                    inconsistency = "unreadable 200 body";
                }
            }
            return new Read(
                    service,
                    response.statusCode(),
                    problemType(response),
                    isProblem(response),
                    response.headers().firstValue("Retry-After").isPresent(),
                    inconsistency);
        } catch (IOException noAnswer) {
            return new Read(service, 0, null, false, false, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Read(service, 0, null, false, false, null);
        }
    }

    private String problemType(HttpResponse<String> response) {
        if (!isProblem(response)) {
            return null;
        }
        try {
            JsonNode type = json.readTree(response.body()).get("type");
            return type == null ? null : type.asText();
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    /** A development token from budget-service, cached until a 401 says its signing key is gone; null if none. */
    private String token(String sub, String role, String person, Long authorisationLimit) {
        String key = sub + "/" + role;
        String cached = tokens.get(key);
        if (cached != null) {
            return cached;
        }
        String body = DevTokenRequests.body(sub, role, person, authorisationLimit);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(budgetService + "/dev/tokens"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            String token = json.readTree(response.body()).get("token").asText();
            if (person == null) {
                tokens.put(key, token);
            }
            return token;
        } catch (IOException unavailable) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Person references of openings that were sent but not acknowledged: their budgets may or may not exist. */
    List<String> unacknowledgedOpenings() {
        List<String> persons = new ArrayList<>();
        for (Budget budget : budgets) {
            if (budget.id == null && !budget.sent.isEmpty()) {
                persons.add(budget.person);
            }
        }
        return Collections.unmodifiableList(persons);
    }
}
