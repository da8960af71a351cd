package uk.gov.personalbudget.testsupport.process;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One of our services run from its packaged jar as a real child process, on a free port, with its output in
 * a log file under target/, ready once its readiness probe answers UP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The log files this JVM has started a service with. */
    private static final Set<Path> LOGS_STARTED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private Duration startup;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code ../<module>/target/<module>.jar} with the local profile and the given arguments. */
    public static ServiceProcess start(String module, List<String> arguments) throws IOException {
        return start(module, freePort(), arguments);
    }

    /**
     * As {@link #start(String, List)}, on the given port: a restart on the port of an earlier process, whose
     * log it appends to.
     */
    public static ServiceProcess start(String module, int port, List<String> arguments) throws IOException {
        return start(module, packagedJar(module), port, arguments);
    }

    /** {@code ../<module>/target/<module>.jar}, which must exist. */
    public static Path packagedJar(String module) {
        Path jar = Path.of("..", module, "target", module + ".jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        return jar;
    }

    /** As {@link #start(String, int, List)}, from the given copy of the module's jar. */
    public static ServiceProcess start(String module, Path jar, int port, List<String> arguments) throws IOException {
        return start(module, jar, port, List.of("-Xmx512m"), arguments);
    }

    /** As {@link #start(String, Path, int, List)}, with the given JVM options (heap size, profiling) instead. */
    public static ServiceProcess start(
            String module, Path jar, int port, List<String> jvmOptions, List<String> arguments) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(module + "-" + port + ".log");
        // A service started again on its port (a restart in a fault test) adds to its log; a file left by an earlier
        // test run, which may hold other output, is emptied first.
        boolean firstStartHere = LOGS_STARTED.add(log.toAbsolutePath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local", "--server.port=" + port));
        command.addAll(arguments);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        firstStartHere
                                ? ProcessBuilder.Redirect.to(log.toFile())
                                : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServiceProcess service = new ServiceProcess(module, port, log, process);
        service.awaitReady();
        service.startup = Duration.ofNanos(System.nanoTime() - started);
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hook, no clean close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
        }
    }

    /** From starting the JVM to the first readiness probe that answered UP (polled every 100 ms). */
    public Duration startup() {
        return startup;
    }

    /** The operating system's process id, to read its resident memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /**
     * The sum of all series of the Prometheus counter {@code name} (e.g. {@code budget_aggregate_reloads_total})
     * at this service's {@code /actuator/prometheus}, or NaN when it does not expose it or does not answer. It
     * counts from 0 again when the service is started again.
     */
    public double prometheusCounter(String name) throws InterruptedException {
        try {
            HttpResponse<String> scrape = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return scrape.statusCode() != 200
                    ? Double.NaN
                    : scrape.body()
                            .lines()
                            .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                            .reduce(Double::sum)
                            .orElse(Double.NaN);
        } catch (IOException noAnswer) {
            return Double.NaN;
        }
    }

    private void awaitReady() {
        try {
            Awaitility.await(name + " ready (log: " + log + ")")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited with " + process.exitValue() + "; its log: " + log + "\n" + tail());
                        }
                        return isReady();
                    });
        } catch (RuntimeException notReady) {
            close();
            throw notReady;
        }
    }

    private boolean isReady() {
        try {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException refused) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** Stops the service as an operator would (SIGTERM), forcibly if it does not stop within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
