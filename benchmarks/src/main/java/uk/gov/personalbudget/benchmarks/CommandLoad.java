package uk.gov.personalbudget.benchmarks;

import org.HdrHistogram.Histogram;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A realistic mix of lifecycle commands from concurrent clients, each its own thread waiting for each answer
 * before sending the next (a closed loop), unless a {@link Pacer} holds it back to a steady rate. Each client
 * opens a new budget and drives it to a chosen management option (8 commands: {@code BudgetOpened} to
 * {@code ManagementChosen}), then sends 8 suspend-or-resume commands to budgets it opened earlier, picked at
 * random, so half the load is on new budgets and half on long-lived ones whose histories grow. Only commands
 * answered during the measured phase count; the token requests for each new person are not counted.
 */
final class CommandLoad {

    /** Commands on new budgets, then on long-lived ones, per round of a client. */
    private static final int LONG_LIVED_COMMANDS_PER_ROUND = 8;

    private static final int LAST_OPENING_STEP = 7;

    private final BudgetApi api;
    private final int clients;
    private final String label;
    private final Pacer pacer;
    private final OpeningListener onOpened;
    private volatile boolean measuring;
    private volatile boolean stopped;
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Long> failureKinds = new TreeMap<>();

    /** Told of each budget the load opens. */
    interface OpeningListener {
        /**
         * @param acknowledgedAtNanos when the opening's 2xx came ({@link System#nanoTime()})
         * @param measured            whether it came while measuring, rather than in the warm-up
         */
        void opened(String budget, long acknowledgedAtNanos, boolean measured);
    }

    /**
     * @param pacer    null for a closed loop as fast as the service answers
     * @param onOpened told of each budget opened, in the warm-up too; may be null
     */
    CommandLoad(BudgetApi api, int clients, String label, Pacer pacer, OpeningListener onOpened) {
        this.api = api;
        this.clients = clients;
        this.label = label;
        this.pacer = pacer;
        this.onOpened = onOpened;
    }

    /** Commands answered 2xx while measuring, their latencies (microseconds), and commands that failed. */
    record Result(
            int clients,
            long commands,
            Duration measured,
            Histogram latencyMicros,
            long failures,
            Map<String, Long> failureKinds) {

        double perSecond() {
            return commands / (measured.toNanos() / 1e9);
        }

        String summary() {
            return String.format(
                    "%3d clients: %8.1f commands/s   latency p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms"
                            + "   (%d commands in %d s, %d failed%s)",
                    clients,
                    perSecond(),
                    millis(50),
                    millis(95),
                    millis(99),
                    commands,
                    measured.toSeconds(),
                    failures,
                    failureKinds.isEmpty() ? "" : " " + failureKinds);
        }

        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Told when the measured phase opens and closes, to take readings of its own at the same moments. */
    interface Window {
        void opened() throws Exception;

        void closed() throws Exception;

        /** {@code first} and {@code second} told, in that order, and closed in the reverse order. */
        static Window both(Window first, Window second) {
            return new Window() {
                @Override
                public void opened() throws Exception {
                    first.opened();
                    second.opened();
                }

                @Override
                public void closed() throws Exception {
                    second.closed();
                    first.closed();
                }
            };
        }
    }

    /**
     * Runs the mix in a closed loop for {@code duration}, unmeasured, unless it is zero: freshly started services spend
     * their first minutes compiling, and on two cores their one C2 compiler thread was still at work two to three
     * minutes into a paced run (docs/benchmarks-log.md, "the JIT compilers in the measured window").
     */
    static void warmUpJit(BudgetApi api, int clients, String label, Duration duration) throws Exception {
        if (!duration.isZero()) {
            new CommandLoad(api, clients, label, null, null).run(duration, Duration.ofSeconds(1));
        }
    }

    /** Runs {@code warmUp} unmeasured, then {@code measure}, and stops the clients. */
    Result run(Duration warmUp, Duration measure) throws Exception {
        return run(warmUp, measure, null);
    }

    /** As {@link #run(Duration, Duration)}, telling {@code window} (if not null) when the measured phase opens and closes. */
    Result run(Duration warmUp, Duration measure, Window window) throws Exception {
        List<Client> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(i);
            running.add(client);
            client.thread.start();
        }
        Thread.sleep(warmUp.toMillis());
        if (window != null) {
            window.opened();
        }
        measuring = true;
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        measuring = false;
        long end = System.nanoTime();
        if (window != null) {
            window.closed();
        }
        stopped = true;
        Histogram all = new Histogram(3);
        long commands = 0;
        for (Client client : running) {
            client.thread.join(Duration.ofSeconds(120).toMillis());
            synchronized (client) {
                all.add(client.latency);
                commands += client.measured;
            }
        }
        synchronized (failureKinds) {
            return new Result(
                    clients, commands, Duration.ofNanos(end - start), all, failures.get(), Map.copyOf(failureKinds));
        }
    }

    /** One client: its own practitioner and authority, a new person per budget, and its long-lived budgets. */
    private final class Client {
        final Thread thread;
        final int number;
        final Histogram latency = new Histogram(3);
        long measured;
        final List<String> longLived = new ArrayList<>();
        final List<Boolean> suspended = new ArrayList<>();
        int budgets;

        Client(int number) {
            this.number = number;
            this.thread = new Thread(this::drive, label + "-client-" + number);
        }

        private void drive() {
            try {
                String practitioner = api.token("pr-" + label + "-" + number, "PRACTITIONER", null, null);
                String authority = api.token("au-" + label + "-" + number, "AUTHORITY", null, 2_000_000L);
                while (!stopped) {
                    String person = label + "-" + number + "-" + budgets++;
                    String personToken = api.token("p-" + person, "PERSON", person, null);
                    String budget = null;
                    for (int step = 0; step <= LAST_OPENING_STEP && !stopped; step++) {
                        String role = LifecycleScript.SCRIPT.get(step).role();
                        String token = role.equals("PERSON")
                                ? personToken
                                : role.equals("AUTHORITY") ? authority : practitioner;
                        BudgetApi.Answer answer = send(step, budget, person, token);
                        if (answer == null) {
                            budget = null;
                            break;
                        }
                        budget = answer.budgetId();
                        if (step == 0 && onOpened != null) {
                            onOpened.opened(budget, System.nanoTime(), measuring);
                        }
                    }
                    if (budget != null && !stopped) {
                        longLived.add(budget);
                        suspended.add(false);
                    }
                    for (int i = 0; i < LONG_LIVED_COMMANDS_PER_ROUND && !longLived.isEmpty() && !stopped; i++) {
                        int which = ThreadLocalRandom.current().nextInt(longLived.size());
                        boolean isSuspended = suspended.get(which);
                        BudgetApi.Answer answer = send(
                                isSuspended ? LifecycleScript.RESUME : LifecycleScript.SUSPEND,
                                longLived.get(which),
                                null,
                                authority);
                        if (answer != null) {
                            suspended.set(which, !isSuspended);
                        }
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (Exception failed) {
                failure("client stopped: " + failed);
            }
        }

        /** The 2xx answer, or null (counted as a failure). */
        private BudgetApi.Answer send(int step, String budget, String person, String token) throws Exception {
            if (pacer != null) {
                pacer.awaitTurn();
            }
            boolean counted = measuring;
            long start = System.nanoTime();
            BudgetApi.Answer answer;
            try {
                answer = api.command(step, budget, person, token);
            } catch (java.io.IOException noAnswer) {
                failure("no answer: " + noAnswer.getClass().getSimpleName());
                return null;
            }
            long micros = (System.nanoTime() - start) / 1000;
            if (!answer.acknowledged()) {
                failure(LifecycleScript.SCRIPT.get(step).path() + " " + answer.status());
                return null;
            }
            if (counted && measuring) {
                synchronized (this) {
                    latency.recordValue(micros);
                    measured++;
                }
            }
            return answer;
        }
    }

    private void failure(String kind) {
        if (measuring) {
            failures.incrementAndGet();
            synchronized (failureKinds) {
                failureKinds.merge(kind, 1L, Long::sum);
            }
        }
    }
}
