package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 6: each service's time from starting its JVM to its readiness probe answering UP, and its resident
 * memory (VmRSS in /proc) idle and at its highest under the throughput load (which approval-service also sees, by
 * consuming the events), with the anonymous part of it (RssAnon: heap, JIT, threads; the rest is mapped files, the
 * JVM's library, jars and the class data sharing archive, which the kernel can drop and reread), and the CPU each
 * process of the stack uses per second while nothing is asked of it. Both services run with {@code -Xmx512m} unless
 * {@code --service-jvm} says otherwise.
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
                    "resident memory idle (%d s after start): budget-service %s, approval-service %s%n",
                    idle.toSeconds(), Resident.of(budget), Resident.of(approval));
            AtomicReference<Resident> budgetPeak = new AtomicReference<>(Resident.NONE);
            AtomicReference<Resident> approvalPeak = new AtomicReference<>(Resident.NONE);
            Thread sampler = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            try {
                                budgetPeak.accumulateAndGet(Resident.of(budget), Resident::highest);
                                approvalPeak.accumulateAndGet(Resident.of(approval), Resident::highest);
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
                    "resident memory under load (highest): budget-service %s, approval-service %s%n",
                    budgetPeak.get(), approvalPeak.get());
        }
    }

    /** A process's resident set size and its anonymous part, in bytes, from /proc/<pid>/status. */
    record Resident(long total, long anonymous) {

        static final Resident NONE = new Resident(0, 0);

        static Resident of(ServiceProcess service) throws IOException {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"));
            return new Resident(kilobytes(status, "VmRSS:") * 1024, kilobytes(status, "RssAnon:") * 1024);
        }

        private static long kilobytes(List<String> status, String field) throws IOException {
            for (String line : status) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IOException("no " + field + " in /proc/<pid>/status");
        }

        /** Each part at its own highest. */
        Resident highest(Resident other) {
            return new Resident(Math.max(total, other.total), Math.max(anonymous, other.anonymous));
        }

        @Override
        public String toString() {
            return String.format("%.0f MiB (anonymous %.0f)", total / MIB, anonymous / MIB);
        }
    }

    private Footprint() {}
}
