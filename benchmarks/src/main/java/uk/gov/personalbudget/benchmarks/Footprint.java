package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 6: each service's time from starting its JVM to its readiness probe answering UP, and its resident
 * memory (VmRSS in /proc) idle and at its highest under the throughput load (which approval-service also sees, by
 * consuming the events), and the CPU each process of the stack uses per second while nothing is asked of it. Both
 * services run with {@code -Xmx512m} unless {@code --service-jvm} says otherwise.
 */
final class Footprint {

    static final Set<String> FLAGS = Stack.flagsAnd("clients", "idle", "seconds");
    private static final double MIB = 1024 * 1024;

    static void run(Options options) throws Exception {
        int clients = options.integer("clients", 32);
        Duration idle = options.seconds("idle", 20);
        Duration measure = options.seconds("seconds", 30);
        try (Stack stack = Stack.start("footprint", options)) {
            ServiceProcess budget = stack.startBudgetService(List.of());
            ServiceProcess approval = stack.startApprovalService(List.of());
            Benchmarks.heading("Footprint (goals: ready within 8 s, resident memory <= 512 MiB)");
            System.out.printf(
                    "start-up to ready: budget-service %.1f s, approval-service %.1f s%n",
                    budget.startup().toMillis() / 1000.0, approval.startup().toMillis() / 1000.0);
            // Half the idle time lets start-up's work settle; the other half measures what an idle stack costs per
            // second (polls, claims, metrics), which a paced load pays on top of its commands.
            Thread.sleep(idle.toMillis() / 2);
            CpuByProcess idleCpu = CpuByProcess.ofStack(stack);
            idleCpu.opened();
            long idleStart = System.nanoTime();
            Thread.sleep(idle.toMillis() - idle.toMillis() / 2);
            idleCpu.closed();
            System.out.println("idle " + idleCpu.perSecond((System.nanoTime() - idleStart) / 1e9));
            System.out.printf(
                    "resident memory idle (%d s after start): budget-service %.0f MiB, approval-service %.0f MiB%n",
                    idle.toSeconds(), rss(budget) / MIB, rss(approval) / MIB);
            AtomicLong budgetPeak = new AtomicLong();
            AtomicLong approvalPeak = new AtomicLong();
            Thread sampler = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            try {
                                budgetPeak.accumulateAndGet(rss(budget), Math::max);
                                approvalPeak.accumulateAndGet(rss(approval), Math::max);
                                Thread.sleep(500);
                            } catch (InterruptedException stop) {
                                return;
                            } catch (IOException gone) {
                                return;
                            }
                        }
                    },
                    "rss-sampler");
            sampler.start();
            CommandLoad.Result load = new CommandLoad(
                            new BudgetApi(stack.budgetServiceUrl()), clients, "footprint", null, null)
                    .run(Duration.ZERO, measure);
            sampler.interrupt();
            sampler.join();
            System.out.println("load: " + load.summary());
            System.out.printf(
                    "resident memory under load (highest): budget-service %.0f MiB, approval-service %.0f MiB%n",
                    budgetPeak.get() / MIB, approvalPeak.get() / MIB);
        }
    }

    /** The process's resident set size in bytes, from /proc/<pid>/status. */
    static long rss(ServiceProcess service) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + service.pid());
    }

    private Footprint() {}
}
