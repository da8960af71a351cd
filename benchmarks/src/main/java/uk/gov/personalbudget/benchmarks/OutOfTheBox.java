package uk.gov.personalbudget.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 2: the throughput load against budget-service with Axon's defaults (no aggregate cache, no snapshots,
 * the publishing processor's batch of 1) and with the shipped settings, one after the other on the same stack,
 * each run twice in alternation so a burst of other work on the machine does not fall on one side only.
 */
final class OutOfTheBox {

    static final Set<String> FLAGS = Set.of("clients", "warm-up", "seconds", "service-jvm");

    static final List<String> AXON_DEFAULTS = List.of("--budget.aggregate-cache.enabled=false",
            "--budget.snapshot.enabled=false", "--budget.publication.batch-size=1");

    static void run(Options options) throws Exception {
        int clients = options.integer("clients", 32);
        Duration warmUp = options.seconds("warm-up", 10);
        Duration measure = options.seconds("seconds", 20);
        try (Stack stack = Stack.start("out-of-box", Benchmarks.serviceJvm(options))) {
            Benchmarks.heading("Shipped settings vs Axon's defaults, " + clients + " clients");
            double tuned = 0;
            double defaults = 0;
            for (int round = 1; round <= 2; round++) {
                stack.startBudgetService(AXON_DEFAULTS);
                CommandLoad.Result axon = new CommandLoad(new BudgetApi(stack.budgetServiceUrl()), clients,
                        "axon" + round, null, null).run(warmUp, measure);
                System.out.println("Axon defaults   " + axon.summary());
                stack.startBudgetService(List.of());
                CommandLoad.Result ours = new CommandLoad(new BudgetApi(stack.budgetServiceUrl()), clients,
                        "tuned" + round, null, null).run(warmUp, measure);
                System.out.println("shipped tuning  " + ours.summary());
                tuned += ours.perSecond();
                defaults += axon.perSecond();
            }
            System.out.printf("ratio shipped / Axon defaults = %.2f  (goal >= 2)%n", tuned / defaults);
        }
    }

    private OutOfTheBox() {
    }
}
