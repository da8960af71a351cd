package uk.gov.personalbudget.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU each process of the benchmark used during the measured window, read from /proc when it opens and closes:
 * which process a saturated machine's cores went to.
 */
final class CpuByProcess implements CommandLoad.Window {

    /** A process's CPU seconds so far. */
    interface Reading {
        double seconds() throws Exception;
    }

    private final Map<String, Reading> processes = new LinkedHashMap<>();
    private final Map<String, Double> used = new LinkedHashMap<>();

    /** The stack's own processes: budget-service, approval-service, PostgreSQL and Kafka, as started now or later. */
    static CpuByProcess ofStack(Stack stack) {
        return new CpuByProcess()
                .add("budget-service", () -> CpuTime.of(stack.budgetService().pid()))
                .add(
                        "approval-service",
                        () -> CpuTime.of(stack.approvalService().pid()))
                .add("PostgreSQL", () -> CpuTime.ofPostgres(stack.postgresDataDirectory()))
                .add("Kafka", () -> CpuTime.of(stack.kafkaPid()));
    }

    /** The JIT compiler threads of budget-service and approval-service ({@link CpuTime#ofCompilers}). */
    static CpuByProcess compilersOf(Stack stack) {
        return new CpuByProcess()
                .add(
                        "budget-service",
                        () -> CpuTime.ofCompilers(stack.budgetService().pid()))
                .add(
                        "approval-service",
                        () -> CpuTime.ofCompilers(stack.approvalService().pid()));
    }

    /** Reads {@code name}'s CPU with {@code reading}; in the order added. */
    CpuByProcess add(String name, Reading reading) {
        processes.put(name, reading);
        return this;
    }

    @Override
    public void opened() throws Exception {
        for (var process : processes.entrySet()) {
            used.put(process.getKey(), -process.getValue().seconds());
        }
    }

    @Override
    public void closed() throws Exception {
        for (var process : processes.entrySet()) {
            used.merge(process.getKey(), process.getValue().seconds(), Double::sum);
        }
    }

    /** One line: each process's CPU in ms per second of the window, when no commands were sent. */
    String perSecond(double windowSeconds) {
        StringBuilder line = new StringBuilder("CPU per second:");
        for (var process : used.entrySet()) {
            line.append(String.format("  %s %.1f ms", process.getKey(), 1000 * process.getValue() / windowSeconds));
        }
        return line.toString();
    }

    /** One line: each process's CPU in µs per event and as cores busy over the window. */
    String perEvent(long events, double windowSeconds) {
        return perEvent("CPU per event (cores busy):", events, windowSeconds);
    }

    /** {@link #perEvent(long, double)} under another heading. */
    String perEvent(String heading, long events, double windowSeconds) {
        return perUnit(heading, events, 1e6, "%.1f µs", windowSeconds);
    }

    /** One line: each process's CPU in ms per command and as cores busy over the window. */
    String summary(long commands, double windowSeconds) {
        return summary("CPU per command (cores busy):", commands, windowSeconds);
    }

    /** {@link #summary(long, double)} under another heading. */
    String summary(String heading, long commands, double windowSeconds) {
        return perUnit(heading, commands, 1e3, "%.2f ms", windowSeconds);
    }

    /** Each process's CPU per unit (seconds times {@code scale}, written with {@code amount}), then all together. */
    private String perUnit(String heading, long units, double scale, String amount, double windowSeconds) {
        StringBuilder line = new StringBuilder(heading);
        double total = 0;
        for (var process : used.entrySet()) {
            total += process.getValue();
            line.append(String.format(
                    "  %s " + amount + " (%.2f)",
                    process.getKey(),
                    scale * process.getValue() / units,
                    process.getValue() / windowSeconds));
        }
        return line.append(String.format("  all " + amount + " (%.2f)", scale * total / units, total / windowSeconds))
                .toString();
    }
}
