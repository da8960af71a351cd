package uk.gov.personalbudget.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) for running the product
 * locally. Its storage is formatted on first start only, so topics and records survive restarts.
 *
 * <p>Arguments: {@code [--port=N] [--controller-port=N] [--data-dir=DIR | DIR]}; environment:
 * {@code KAFKA_PORT}, {@code KAFKA_CONTROLLER_PORT}, {@code KAFKA_DATA_DIR}. Arguments win over the
 * environment; defaults are 9092, 9093 and {@code ./data/kafka}.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private KafkaRaftServer server;
    private boolean stopped;

    public LocalKafkaBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        LocalKafkaBroker broker;
        try {
            broker = fromArguments(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: java -jar local-kafka.jar [--port=9092] [--controller-port=9093] [--data-dir=./data/kafka]");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "local-kafka-shutdown"));
        try {
            broker.start();
        } catch (RuntimeException e) {
            log.error("Kafka broker failed to start", e);
            System.exit(1);
        }
        broker.awaitShutdown();
    }

    static LocalKafkaBroker fromArguments(String[] args, Map<String, String> env) {
        String port = env.getOrDefault("KAFKA_PORT", "9092");
        String controllerPort = env.getOrDefault("KAFKA_CONTROLLER_PORT", "9093");
        String dataDir = env.getOrDefault("KAFKA_DATA_DIR", "./data/kafka");
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = arg.substring("--port=".length());
            } else if (arg.startsWith("--controller-port=")) {
                controllerPort = arg.substring("--controller-port=".length());
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
            } else if (!arg.startsWith("-")) {
                dataDir = arg;
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return new LocalKafkaBroker(parsePort(port), parsePort(controllerPort), Path.of(dataDir));
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("not a port number: " + value);
    }

    /** Formats the storage if needed, starts the broker and returns once it answers requests. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        long started = System.nanoTime();
        KafkaConfig config = new KafkaConfig(brokerProperties());
        formatStorageIfNeeded();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitAnswering();
        log.info(
                "Kafka started in {} ms, data in {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                dataDir);
        log.info("Kafka broker ready on {}", bootstrapServers());
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Blocks until the broker has shut down (after {@link #close()}, typically from the shutdown hook). */
    public void awaitShutdown() {
        KafkaRaftServer running;
        synchronized (this) {
            running = server;
        }
        if (running != null) {
            running.awaitShutdown();
        }
    }

    /** Shuts the broker down cleanly: partitions' logs are flushed and closed, so a restart needs no recovery. */
    @Override
    public synchronized void close() {
        if (server == null || stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping Kafka broker on {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker stopped");
    }

    Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        // One node: internal topics cannot have more replicas than that.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        // Topics are created on purpose by the services, never by a typo in a consumer.
        props.put("auto.create.topics.enable", "false");
        // Events are kept forever: replays read the topic from its start.
        props.put("log.retention.hours", "-1");
        // Consumer groups join at once instead of waiting 3 s for more members that never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private void formatStorageIfNeeded() {
        Path metaProperties = dataDir.resolve("meta.properties");
        if (Files.exists(metaProperties)) {
            log.info("Re-using Kafka storage in {} (cluster id {})", dataDir, clusterIdIn(metaProperties));
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        // The Formatter is what `kafka-storage.sh format` runs; StorageTool.main would System.exit.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .addDirectory(dataDir.toString())
                    .setMetadataLogDirectory(dataDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDir + ": " + output, e);
        }
        log.info("Formatted new Kafka storage in {} (cluster id {})", dataDir, clusterId);
    }

    private static String clusterIdIn(Path metaProperties) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + metaProperties, e);
        }
        return meta.getProperty("cluster.id");
    }

    // startup() returns once the broker is unfenced; a client round trip proves the listener really answers.
    private void awaitAnswering() {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "local-kafka-readiness",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not answer on " + bootstrapServers(), e);
        }
    }
}
