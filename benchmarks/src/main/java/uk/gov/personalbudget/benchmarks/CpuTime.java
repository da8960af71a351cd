package uk.gov.personalbudget.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time (user plus system) that processes have used, from /proc: what a command costs whatever else the
 * machine is doing, where commands per second fall whenever other work takes the cores.
 */
final class CpuTime {

    /** Clock ticks per second of /proc's times: 100 on Linux everywhere this runs. */
    private static final double TICKS = 100.0;

    /** Of each JVM read by {@link #ofCompilers}, the CPU seconds of each compiler thread (by id) when last read. */
    private static final Map<Long, Map<String, Double>> COMPILER_THREADS = new ConcurrentHashMap<>();

    /** Seconds of CPU the process has used. */
    static double of(long pid) throws IOException {
        return ownSeconds(stat(pid));
    }

    /**
     * Seconds of CPU the JIT compiler threads of the JVM {@code pid} ("C1 CompilerThread0", "C2 CompilerThread0", ...)
     * have used: how much of a window's CPU a freshly started service spent compiling. The JVM ends compiler threads it
     * added once they are idle, so a thread read before and gone now counts with what it had used when last read
     * (without that, a window in which one ended came out negative). What it used after its last reading is not seen.
     */
    static double ofCompilers(long pid) throws IOException {
        Map<String, Double> threads = COMPILER_THREADS.computeIfAbsent(pid, jvm -> new ConcurrentHashMap<>());
        try (Stream<Path> running = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : running.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.matches("C[12] CompilerThre.*")) {
                        threads.put(thread.getFileName().toString(), ownSeconds(fieldsOf(stat)));
                    }
                } catch (IOException ended) {
                    // Ended while the list was read: it keeps its last reading.
                }
            }
        }
        return threads.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Seconds of CPU the PostgreSQL server of {@code dataDirectory} and its backends have used: the postmaster's own,
     * its ended backends' (which it has waited for: cutime and cstime), and its running backends'.
     */
    static double ofPostgres(Path dataDirectory) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
        String[] own = stat(postmaster);
        double seconds =
                (Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]))
                        / TICKS;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(path -> path.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                    if (Long.parseLong(fields[1]) == postmaster) {
                        seconds += ownSeconds(fields);
                    }
                } catch (IOException | RuntimeException ended) {
                    // The process ended while the list was read.
                }
            }
        }
        return seconds;
    }

    /**
     * The fields of /proc/<pid>/stat after the command name: [0] the state, [1] the parent, [11] utime, [12] stime,
     * [13] cutime, [14] cstime.
     */
    private static String[] stat(long pid) throws IOException {
        return fieldsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The fields of a process's or thread's stat text after its command name, numbered as in {@link #stat}. */
    private static String[] fieldsOf(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** Its own user plus system seconds, from {@link #stat}'s fields. */
    private static double ownSeconds(String[] fields) {
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    private CpuTime() {}
}
