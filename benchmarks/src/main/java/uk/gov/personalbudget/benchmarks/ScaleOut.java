package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.ServiceProcess;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 7: the throughput load against 1, 2 and 3 budget-service instances on the same event store
 * (PostgreSQL, publishing to Kafka), the clients sending each command to the next instance in turn. For each
 * count: commands/s, budget-service's CPU per command (all instances together), and the share of commands whose
 * instance found its cached budget stale and reloaded it ({@code budget_aggregate_reloads_total}, summed over the
 * instances, over the commands answered in the same window). On one machine the instances share its cores, so
 * this measures what scaling out costs per command, not what it gains on separate hosts.
 */
final class ScaleOut {

    static final Set<String> FLAGS = Set.of("clients", "warm-up", "seconds", "instances", "service-jvm");
    static final String RELOADS = "budget_aggregate_reloads_total";

    static void run(Options options) throws Exception {
        int clients = options.integer("clients", 32);
        List<Integer> instanceCounts = options.integers("instances", List.of(1, 2, 3));
        Duration warmUp = options.seconds("warm-up", 10);
        Duration measure = options.seconds("seconds", 20);
        try (Stack stack = Stack.start("scale-out", Benchmarks.serviceJvm(options))) {
            Benchmarks.heading("budget-service instances on one event store, " + clients
                    + " clients sending round robin across them");
            for (int count : instanceCounts) {
                List<ServiceProcess> instances = stack.startBudgetServices(count, TestIssuer.get(), List.of());
                BudgetApi api = new BudgetApi(instances.stream().map(ServiceProcess::baseUrl).toList(),
                        TestIssuer.get());
                Window window = new Window(instances, stack.postgresDataDirectory());
                CommandLoad.Result result = new CommandLoad(api, clients, "so" + count, null, null)
                        .run(warmUp, measure, window);
                System.out.printf("%d instance(s): %s%n", count, result.summary());
                System.out.printf("%d instance(s): CPU per command: budget-service %.2f ms (all instances),"
                                + " PostgreSQL %.2f ms; reloads %s%n", count,
                        1000 * window.service / result.commands(), 1000 * window.postgres / result.commands(),
                        Double.isNaN(window.reloads) ? "not exposed (" + RELOADS + " absent)"
                                : String.format("%.0f of %d commands (%.1f %%)", window.reloads, result.commands(),
                                100 * window.reloads / result.commands()));
            }
        }
    }

    /** The CPU readings of the throughput benchmark, and the instances' reloads over the same window. */
    private static final class Window extends Throughput.CpuWindow {
        private final List<ServiceProcess> instances;
        double reloads;

        Window(List<ServiceProcess> instances, Path postgresData) {
            super(instances, postgresData);
            this.instances = instances;
        }

        @Override
        public void opened() throws Exception {
            super.opened();
            reloads = -reloads();
        }

        @Override
        public void closed() throws Exception {
            super.closed();
            reloads += reloads();
        }

        /** NaN when an instance does not expose the counter. */
        private double reloads() throws InterruptedException {
            double sum = 0;
            for (ServiceProcess instance : instances) {
                sum += instance.prometheusCounter(RELOADS);
            }
            return sum;
        }
    }

    private ScaleOut() {
    }
}
