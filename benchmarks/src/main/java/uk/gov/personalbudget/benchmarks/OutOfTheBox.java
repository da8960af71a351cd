package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 2: the throughput load against budget-service with Axon's defaults (no aggregate cache, no snapshots,
 * the publishing processor's batch of 1) and with the shipped settings, one after the other on the same stack,
 * each run twice in alternation so a burst of other work on the machine does not fall on one side only.
 */
final class OutOfTheBox {

    static final Set<String> FLAGS = Stack.flagsAnd("clients", "warm-up", "seconds");

    static final List<String> AXON_DEFAULTS = List.of(
            "--budget.aggregate-cache.enabled=false",
            "--budget.snapshot.enabled=false",
            "--budget.publication.batch-size=1");

    static void run(Options options) throws Exception {
        int clients = options.integer("clients", 32);
        Duration warmUp = options.seconds("warm-up", 10);
        Duration measure = options.seconds("seconds", 20);
        try (Stack stack = Stack.start("out-of-box", options)) {
            Benchmarks.heading("Shipped settings vs Axon's defaults, " + clients + " clients");
            double[] tuned = new double[3];
            double[] defaults = new double[3];
            for (int round = 1; round <= 2; round++) {
                add(
                        defaults,
                        measure(stack, "Axon defaults ", AXON_DEFAULTS, clients, "axon" + round, warmUp, measure));
                add(tuned, measure(stack, "shipped tuning", List.of(), clients, "tuned" + round, warmUp, measure));
            }
            System.out.printf(
                    "ratio shipped / Axon defaults: commands/s %.2f (goal >= 2); budget-service CPU per "
                            + "command %.2f, PostgreSQL CPU per command %.2f%n",
                    tuned[0] / defaults[0], tuned[1] / defaults[1], tuned[2] / defaults[2]);
        }
    }

    /** Commands per second, and budget-service's and PostgreSQL's CPU seconds per command. */
    private static double[] measure(
            Stack stack,
            String label,
            List<String> settings,
            int clients,
            String name,
            Duration warmUp,
            Duration measure)
            throws Exception {
        ServiceProcess service = stack.startBudgetService(settings);
        Throughput.CpuWindow cpu = new Throughput.CpuWindow(service, stack.postgresDataDirectory());
        CommandLoad.Result result = new CommandLoad(new BudgetApi(stack.budgetServiceUrl()), clients, name, null, null)
                .run(warmUp, measure, cpu);
        System.out.printf(
                "%s %s; CPU per command: budget-service %.2f ms, PostgreSQL %.2f ms%n",
                label,
                result.summary(),
                1000 * cpu.service / result.commands(),
                1000 * cpu.postgres / result.commands());
        return new double[] {result.perSecond(), cpu.service / result.commands(), cpu.postgres / result.commands()};
    }

    private static void add(double[] sums, double[] figures) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += figures[i];
        }
    }

    private OutOfTheBox() {}
}
