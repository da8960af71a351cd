package uk.gov.personalbudget.benchmarks;

import org.HdrHistogram.Histogram;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 5: command latency on a budget with a long history (10,000 events) against one with 10, measured in
 * alternation by one client, under three settings: the shipped ones (aggregate cache and a snapshot every 50
 * events), snapshots without the cache, and neither (every command replays the whole history; the snapshots
 * taken so far are deleted first).
 */
final class LongHistory {

    static final Set<String> FLAGS = Stack.flagsAnd("events", "samples");
    /** {@code BudgetOpened} to {@code ManagementChosen}: after these the budget can be suspended and resumed. */
    private static final int OPENING_EVENTS = 8;
    /** A short budget's events when its first measured command is sent (that command stores the 10th). */
    private static final int SHORT_EVENTS = 10;

    private static final int SAMPLES_PER_SHORT_BUDGET = 5;

    static void run(Options options) throws Exception {
        int longEvents = options.integer("events", 10_000);
        int samples = options.integer("samples", 100);
        try (Stack stack = Stack.start("long-history", options)) {
            stack.startBudgetService(List.of());
            long built = System.nanoTime();
            Budget longOne = Budget.open(stack, "long");
            longOne.toggle(longEvents - OPENING_EVENTS);
            System.out.printf(
                    "built a budget of %d events in %.0f s%n", longOne.events, (System.nanoTime() - built) / 1e9);

            Benchmarks.heading("Command latency, a budget of about " + longEvents + " events vs ones of " + SHORT_EVENTS
                    + " to " + (SHORT_EVENTS + SAMPLES_PER_SHORT_BUDGET - 1));
            measure(stack, "shipped (cache, snapshot every 50)", List.of(), longOne, samples);
            measure(stack, "snapshots, no cache", List.of("--budget.aggregate-cache.enabled=false"), longOne, samples);
            stack.stopBudgetService();
            try (Connection connection = stack.connect(Stack.BUDGET_DB);
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM snapshot_event_entry");
            }
            measure(
                    stack,
                    "no snapshots, no cache",
                    List.of("--budget.aggregate-cache.enabled=false", "--budget.snapshot.enabled=false"),
                    longOne,
                    samples);
        }
    }

    /**
     * Alternates commands on the long budget with commands on short ones; a new short budget every few samples
     * keeps them short (10 to 14 events) whatever the number of samples.
     */
    private static void measure(Stack stack, String label, List<String> settings, Budget longOne, int samples)
            throws Exception {
        stack.startBudgetService(settings);
        longOne.refreshToken(stack);
        longOne.toggle(4);
        Histogram shortLatency = new Histogram(3);
        Histogram longLatency = new Histogram(3);
        Budget shortOne = null;
        for (int i = 0; i < samples; i++) {
            if (i % SAMPLES_PER_SHORT_BUDGET == 0) {
                shortOne = Budget.open(stack, "short");
                shortOne.toggle(SHORT_EVENTS - OPENING_EVENTS - 1);
            }
            shortLatency.recordValue(shortOne.toggle(1));
            longLatency.recordValue(longOne.toggle(1));
        }
        System.out.printf(
                "%-36s short: p50 %7.1f ms p99 %7.1f ms | %5d events: p50 %7.1f ms p99 %7.1f ms"
                        + " | ratio p50 %.2f  (goal <= 1.5)%n",
                label,
                shortLatency.getValueAtPercentile(50) / 1000.0,
                shortLatency.getValueAtPercentile(99) / 1000.0,
                longOne.events,
                longLatency.getValueAtPercentile(50) / 1000.0,
                longLatency.getValueAtPercentile(99) / 1000.0,
                (double) longLatency.getValueAtPercentile(50) / shortLatency.getValueAtPercentile(50));
    }

    /** One budget driven by one client: opened to ManagementChosen, then suspended and resumed in turn. */
    private static final class Budget {
        final String person;
        String id;
        BudgetApi api;
        String authority;
        int events;
        boolean suspended;

        private Budget(String person) {
            this.person = person;
        }

        static Budget open(Stack stack, String label) throws Exception {
            Budget budget = new Budget("history-" + label + "-" + System.nanoTime());
            budget.refreshToken(stack);
            BudgetApi api = budget.api;
            String practitioner = api.token("pr-history", "PRACTITIONER", null, null);
            String personToken = api.token("p-" + budget.person, "PERSON", budget.person, null);
            for (int step = 0; step < OPENING_EVENTS; step++) {
                String role = LifecycleScript.SCRIPT.get(step).role();
                String token = role.equals("PERSON")
                        ? personToken
                        : role.equals("AUTHORITY") ? budget.authority : practitioner;
                budget.id = check(api.command(step, budget.id, budget.person, token))
                        .budgetId();
                budget.events++;
            }
            return budget;
        }

        /** A new client and token for budget-service as it runs now (a restart changes its signing key). */
        void refreshToken(Stack stack) throws Exception {
            api = new BudgetApi(stack.budgetServiceUrl());
            authority = api.token("au-history", "AUTHORITY", null, 2_000_000L);
        }

        /** Sends {@code commands} suspend-or-resume commands; the last one's latency in microseconds. */
        long toggle(int commands) throws Exception {
            long micros = 0;
            for (int i = 0; i < commands; i++) {
                long start = System.nanoTime();
                check(api.command(suspended ? LifecycleScript.RESUME : LifecycleScript.SUSPEND, id, null, authority));
                micros = (System.nanoTime() - start) / 1000;
                suspended = !suspended;
                events++;
            }
            return micros;
        }

        private static BudgetApi.Answer check(BudgetApi.Answer answer) {
            if (!answer.acknowledged()) {
                throw new IllegalStateException("command refused: " + answer.status() + " " + answer.body());
            }
            return answer;
        }
    }

    private LongHistory() {}
}
