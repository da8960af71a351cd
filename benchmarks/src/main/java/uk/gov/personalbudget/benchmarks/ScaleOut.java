package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.ServiceProcess;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 7: the throughput load against 1, 2 and 3 budget-service instances on the same event store
 * (PostgreSQL, publishing to Kafka), with each routing a balancer may use: each command to the next instance in
 * turn, or by budget. For each: commands/s, budget-service's CPU per command (all instances together), the share
 * of commands refused on a cached budget found stale and decided once more ({@code budget_aggregate_reloads_total}),
 * and the share run a second time because the event store refused their event's sequence number, mostly a stale
 * copy's ({@code budget_command_retries_total}), both summed over the instances, over the commands answered in the
 * same window. On one machine the instances share its cores, so this measures what scaling out costs per command, not
 * what it gains on separate hosts.
 */
final class ScaleOut {

    static final Set<String> FLAGS =
            Stack.flagsAnd("clients", "warm-up", "seconds", "instances", "routing", "jit-warm-up");
    static final String RELOADS = "budget_aggregate_reloads_total";
    static final String RETRIES = "budget_command_retries_total";

    static void run(Options options) throws Exception {
        int clients = options.integer("clients", 32);
        List<Integer> instanceCounts = options.integers("instances", List.of(1, 2, 3));
        List<BudgetApi.Routing> routings = options.list("routing", List.of("round-robin", "by-budget")).stream()
                .map(BudgetApi.Routing::of)
                .toList();
        Duration warmUp = options.seconds("warm-up", 10);
        Duration measure = options.seconds("seconds", 20);
        Duration jitWarmUp = options.seconds("jit-warm-up", 30);
        try (Stack stack = Stack.start("scale-out", options)) {
            Benchmarks.heading("budget-service instances on one event store, " + clients + " clients");
            for (int count : instanceCounts) {
                List<ServiceProcess> instances = stack.startBudgetServices(count, TestIssuer.get(), List.of());
                List<String> urls =
                        instances.stream().map(ServiceProcess::baseUrl).toList();
                // Freshly started JVMs spend their first tens of seconds compiling: without this, whichever routing
                // ran first paid for it (twice the CPU per command in a run with a 10 s warm-up alone).
                CommandLoad.warmUpJit(
                        new BudgetApi(urls, TestIssuer.get(), BudgetApi.Routing.ROUND_ROBIN),
                        clients,
                        "so" + count + "jit",
                        jitWarmUp);
                for (BudgetApi.Routing routing : count == 1 ? routings.subList(0, 1) : routings) {
                    BudgetApi api = new BudgetApi(urls, TestIssuer.get(), routing);
                    Window window = new Window(instances, stack.postgresDataDirectory());
                    String run = count + " instance(s)" + (count == 1 ? "" : ", " + routing.flag());
                    CommandLoad.Result result = new CommandLoad(
                                    api, clients, "so" + count + routing.ordinal(), null, null)
                            .run(warmUp, measure, window);
                    System.out.printf("%s: %s%n", run, result.summary());
                    System.out.printf(
                            "%s: CPU per command: budget-service %.2f ms (all instances), PostgreSQL"
                                    + " %.2f ms; reloads %s; retries %s%n",
                            run,
                            1000 * window.service / result.commands(),
                            1000 * window.postgres / result.commands(),
                            share(window.reloads, result.commands()),
                            share(window.retries, result.commands()));
                }
            }
        }
    }

    private static String share(double count, long commands) {
        return Double.isNaN(count)
                ? "not exposed"
                : String.format("%.0f of %d commands (%.1f %%)", count, commands, 100 * count / commands);
    }

    /** The CPU readings of the throughput benchmark, and the instances' reloads and retries over the same window. */
    private static final class Window extends Throughput.CpuWindow {
        private final List<ServiceProcess> instances;
        double reloads;
        double retries;

        Window(List<ServiceProcess> instances, Path postgresData) {
            super(instances, postgresData);
            this.instances = instances;
        }

        @Override
        public void opened() throws Exception {
            super.opened();
            reloads = -sum(RELOADS);
            retries = -sum(RETRIES);
        }

        @Override
        public void closed() throws Exception {
            super.closed();
            reloads += sum(RELOADS);
            retries += sum(RETRIES);
        }

        /** NaN when an instance does not expose the counter. */
        private double sum(String counter) throws InterruptedException {
            double sum = 0;
            for (ServiceProcess instance : instances) {
                sum += instance.prometheusCounter(counter);
            }
            return sum;
        }
    }

    private ScaleOut() {}
}
