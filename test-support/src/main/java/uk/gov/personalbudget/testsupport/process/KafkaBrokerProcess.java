package uk.gov.personalbudget.testsupport.process;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The single-node KRaft broker of {@code ./run-local} ({@code local-stack/target/local-kafka.jar}) as a child
 * process, so that it can really be stopped and started again on the same ports and data directory.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** What LocalKafkaBroker logs once a client round trip has succeeded. */
    private static final String READY = "Kafka broker ready on";

    private final Path jar;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path log;
    private Process process;

    private KafkaBrokerProcess(Path jar, int port, int controllerPort, Path dataDir, Path log) {
        this.jar = jar;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** {@code local-stack/target/local-kafka.jar}, which must exist. */
    public static Path packagedJar() {
        Path jar = Path.of("..", "local-stack", "target", "local-kafka.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package local-stack first (./mvnw verify does)");
        }
        return jar;
    }

    /** Starts a broker from {@code jar} with a new data directory {@code dataDir}, on free ports. */
    public static KafkaBrokerProcess start(Path jar, Path dataDir) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "service-logs"))
                .resolve("kafka-" + System.currentTimeMillis() + ".log");
        KafkaBrokerProcess broker =
                new KafkaBrokerProcess(jar, ServiceProcess.freePort(), ServiceProcess.freePort(), dataDir, log);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) and returns once it answers a client. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException("the broker is already running");
        }
        long readyBefore = readyLines();
        process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-jar",
                        jar.toString(),
                        "--port=" + port,
                        "--controller-port=" + controllerPort,
                        "--data-dir=" + dataDir.toAbsolutePath()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Process started = process;
        Awaitility.await("Kafka broker answering on " + bootstrapServers() + " (log: " + log + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(
                                "the Kafka broker exited with " + started.exitValue() + "; its log: " + log);
                    }
                    return readyLines() > readyBefore;
                });
    }

    /** Stops the broker as an operator would (SIGTERM): it flushes and closes its logs. */
    public synchronized void stop() throws InterruptedException {
        if (!isRunning()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the Kafka broker did not stop within 60 s of SIGTERM; log: " + log);
        }
    }

    /** The running broker's process id (to read its CPU time, for example). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private long readyLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(READY)).count();
        }
    }
}
