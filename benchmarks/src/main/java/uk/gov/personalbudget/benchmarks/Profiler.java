package uk.gov.personalbudget.benchmarks;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * async-profiler (from Maven Central, tools.profiler:async-profiler, linux-x64), attached to a running service for the
 * measured window only: CPU samples every millisecond, per thread, written as collapsed stacks, one line per distinct
 * stack with its sample count ({@link ProfileBreakdown} reads them).
 */
final class Profiler {

    private static final String AGENT = "linux-x64/libasyncProfiler.so";

    private final Path agent;

    private Profiler(Path agent) {
        this.agent = agent;
    }

    /** The agent library, copied out of its jar into {@code directory}. */
    static Profiler in(Path directory) throws IOException {
        Path agent = directory.resolve("libasyncProfiler.so");
        try (InputStream library = Profiler.class.getClassLoader().getResourceAsStream(AGENT)) {
            if (library == null) {
                throw new IllegalStateException(AGENT + " is not on the class path (async-profiler's linux-x64 jar)");
            }
            Files.copy(library, agent, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Profiler(agent);
    }

    void start(long pid) throws Exception {
        command(pid, "start,event=cpu,interval=1ms,threads");
    }

    /** Stops sampling and writes what it sampled since {@link #start} to {@code collapsed}. */
    void stop(long pid, Path collapsed) throws Exception {
        command(pid, "stop,file=" + collapsed.toAbsolutePath() + ",collapsed");
    }

    private void command(long pid, String options) throws Exception {
        VirtualMachine process = VirtualMachine.attach(Long.toString(pid));
        try {
            process.loadAgentPath(agent.toString(), options);
        } finally {
            process.detach();
        }
    }
}
