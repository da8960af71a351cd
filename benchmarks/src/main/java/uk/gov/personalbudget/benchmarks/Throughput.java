package uk.gov.personalbudget.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 1: commands per second and latency over REST on PostgreSQL, at each client count, each beside pgbench's
 * single-row INSERTs with the same client count on the same server. budget-service publishes to Kafka as it does
 * in production; approval-service, which runs elsewhere in production, is not started.
 */
final class Throughput {

    static final Set<String> FLAGS = Set.of("clients", "warm-up", "seconds", "service-jvm");

    static void run(Options options) throws Exception {
        List<Integer> clientCounts = options.integers("clients", List.of(8, 32, 64));
        Duration warmUp = options.seconds("warm-up", 10);
        Duration measure = options.seconds("seconds", 20);
        try (Stack stack = Stack.start("throughput", Benchmarks.serviceJvm(options))) {
            stack.startBudgetService(List.of());
            PgBench pgbench = PgBench.on(stack.postgres(), stack.runDirectory());
            BudgetApi api = new BudgetApi(stack.budgetServiceUrl());
            Benchmarks.heading("Command throughput over REST on PostgreSQL, beside pgbench (single-row INSERT)");
            for (int clients : clientCounts) {
                CommandLoad.Result ours = new CommandLoad(api, clients, "tp" + clients, null, null).run(warmUp, measure);
                double tps = pgbench.tps(clients, measure);
                System.out.println(ours.summary());
                System.out.printf("%3d clients: pgbench %8.1f tps   ratio ours / pgbench = %.2f  (goal >= 0.5)%n",
                        clients, tps, ours.perSecond() / tps);
            }
        }
    }

    private Throughput() {
    }
}
