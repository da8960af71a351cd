package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.process.KafkaBrokerProcess;
import uk.gov.personalbudget.testsupport.process.RestartablePostgres;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The whole product as separate processes that the fault tests stop, kill and start again: a real PostgreSQL
 * server holding both services' databases, the local-stack Kafka broker, budget-service and approval-service.
 * Each keeps its port and data across restarts, as it would in a deployment. Scaled out, it runs several
 * instances of each service: those of one service share its database (and approval-service's its consumer
 * group), and all trust one token issuer ({@link TestIssuer}) instead of budget-service's own development tokens.
 * The methods without an instance number are about instance 0.
 */
final class FaultStack implements AutoCloseable {

    static final String TOPIC = "personal-budget-events";
    private static final String BUDGET_DB = "budget";
    private static final String APPROVAL_DB = "approval";
    private static final String KEYS_DB = "person_keys";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final RestartablePostgres postgres;
    private final KafkaBrokerProcess kafka;
    private final Path budgetJar;
    private final Path approvalJar;
    private final int[] budgetPorts;
    private final int[] approvalPorts;
    private final ServiceProcess[] budgetServices;
    private final ServiceProcess[] approvalServices;
    /** The one issuer all instances trust; null when budget-service issues development tokens itself. */
    private final TestIssuer issuer;

    private FaultStack(
            RestartablePostgres postgres,
            KafkaBrokerProcess kafka,
            Path jars,
            int budgetInstances,
            int approvalInstances,
            TestIssuer issuer)
            throws IOException {
        this.postgres = postgres;
        this.kafka = kafka;
        this.budgetJar = jars.resolve("budget-service.jar");
        this.approvalJar = jars.resolve("approval-service.jar");
        this.budgetPorts = freePorts(budgetInstances);
        this.approvalPorts = freePorts(approvalInstances);
        this.budgetServices = new ServiceProcess[budgetInstances];
        this.approvalServices = new ServiceProcess[approvalInstances];
        this.issuer = issuer;
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = ServiceProcess.freePort();
        }
        return ports;
    }

    /**
     * Starts everything from copies of the packaged jars: a build that rewrites target/*.jar meanwhile would
     * otherwise break class loading in the running services (NoClassDefFoundError), a fault of its own.
     */
    static FaultStack start(Path data) throws Exception {
        return start(data, 1, 1, null);
    }

    /**
     * As {@link #start(Path)}, with {@code budgetInstances} budget-service and {@code approvalInstances}
     * approval-service instances, all trusting this JVM's {@link TestIssuer}.
     */
    static FaultStack startScaledOut(Path data, int budgetInstances, int approvalInstances) throws Exception {
        return start(data, budgetInstances, approvalInstances, TestIssuer.get());
    }

    private static FaultStack start(Path data, int budgetInstances, int approvalInstances, TestIssuer issuer)
            throws Exception {
        Path jars = Files.createDirectories(data.resolve("jars"));
        Files.copy(ServiceProcess.packagedJar("budget-service"), jars.resolve("budget-service.jar"));
        Files.copy(ServiceProcess.packagedJar("approval-service"), jars.resolve("approval-service.jar"));
        Files.copy(KafkaBrokerProcess.packagedJar(), jars.resolve("local-kafka.jar"));
        RestartablePostgres postgres = RestartablePostgres.start(data.resolve("postgres"));
        KafkaBrokerProcess kafka;
        try {
            postgres.createDatabase(BUDGET_DB);
            postgres.createDatabase(APPROVAL_DB);
            postgres.createDatabase(KEYS_DB);
            kafka = KafkaBrokerProcess.start(jars.resolve("local-kafka.jar"), data.resolve("kafka"));
        } catch (Exception failed) {
            postgres.close();
            throw failed;
        }
        FaultStack stack = new FaultStack(postgres, kafka, jars, budgetInstances, approvalInstances, issuer);
        try {
            // The first instance of each service migrates its database alone; the others then start side by side.
            stack.startBudgetService(0);
            stack.startApprovalService(0);
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (int i = 1; i < budgetInstances; i++) {
                others.add(inBackground(stack::startBudgetService, i));
            }
            for (int i = 1; i < approvalInstances; i++) {
                others.add(inBackground(stack::startApprovalService, i));
            }
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (Exception failed) {
            stack.close();
            throw failed;
        }
        return stack;
    }

    @FunctionalInterface
    private interface InstanceStart {
        void start(int instance) throws IOException;
    }

    /** On a thread of its own: the common pool has a single thread on two cores. */
    private static CompletableFuture<Void> inBackground(InstanceStart start, int instance) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        start.start(instance);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                },
                task -> new Thread(task, "start-instance-" + instance).start());
    }

    String budgetServiceUrl() {
        return budgetServiceUrl(0);
    }

    String budgetServiceUrl(int instance) {
        return "http://localhost:" + budgetPorts[instance];
    }

    String approvalServiceUrl() {
        return approvalServiceUrl(0);
    }

    String approvalServiceUrl(int instance) {
        return "http://localhost:" + approvalPorts[instance];
    }

    int budgetInstances() {
        return budgetServices.length;
    }

    int approvalInstances() {
        return approvalServices.length;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    ServiceProcess budgetService() {
        return budgetServices[0];
    }

    ServiceProcess budgetService(int instance) {
        return budgetServices[instance];
    }

    ServiceProcess approvalService() {
        return approvalServices[0];
    }

    ServiceProcess approvalService(int instance) {
        return approvalServices[instance];
    }

    void startBudgetService() throws IOException {
        startBudgetService(0);
    }

    /**
     * Starts budget-service instance {@code instance} (again) on its port. A command cut off by a kill keeps
     * its {@code Idempotency-Key} claimed for {@code idempotency.in-progress-timeout} (default 1 minute) before a
     * retry may run it; 10 s here keeps the scale-out test short, and its commands answer within a few seconds.
     */
    void startBudgetService(int instance) throws IOException {
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(BUDGET_DB));
        arguments.addAll(commonArguments());
        if (issuer != null) {
            arguments.addAll(issuer.serviceArguments());
            arguments.add("--idempotency.in-progress-timeout=10s");
        }
        budgetServices[instance] = ServiceProcess.start("budget-service", budgetJar, budgetPorts[instance], arguments);
    }

    void startApprovalService() throws IOException {
        startApprovalService(0);
    }

    void startApprovalService(int instance) throws IOException {
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(APPROVAL_DB));
        arguments.addAll(commonArguments());
        arguments.addAll(
                issuer != null
                        ? issuer.serviceArguments()
                        : List.of("--security.jwt.jwk-set-uri=" + budgetServiceUrl() + "/dev/jwks"));
        approvalServices[instance] =
                ServiceProcess.start("approval-service", approvalJar, approvalPorts[instance], arguments);
    }

    /**
     * The persons' keys (personal-data.keys.*) on the same server, shared by both services as in a deployment.
     * Hikari waits 2 s rather than its default 30 s for a connection, so that during a database outage callers
     * get their 503 quickly; nothing else differs from the local profile.
     */
    private List<String> commonArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
        arguments.add("--spring.datasource.hikari.connection-timeout=2000");
        arguments.addAll(postgres.keyStoreArguments(KEYS_DB));
        return arguments;
    }

    void killBudgetService() throws InterruptedException {
        killBudgetService(0);
    }

    void killBudgetService(int instance) throws InterruptedException {
        budgetServices[instance].kill();
    }

    void killApprovalService(int instance) throws InterruptedException {
        approvalServices[instance].kill();
    }

    /** SIGTERM, as an orchestrator stops a pod; returns once the process has exited. */
    void stopBudgetService() {
        budgetService().close();
    }

    /** The owner of each of the publication processor's token claims, read from the event store's database. */
    List<String> publicationClaimOwners() throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection connection = postgres.connect(BUDGET_DB);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT owner FROM token_entry WHERE processor_name = 'kafka-publication'")) {
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
        }
        return owners;
    }

    void stopApprovalService() {
        approvalService().close();
    }

    void stopKafka() throws InterruptedException {
        kafka.stop();
    }

    void startKafka() throws IOException {
        kafka.start();
    }

    void stopPostgres() throws IOException {
        postgres.stop();
    }

    void startPostgres() throws IOException {
        postgres.start();
    }

    /** Brings back whatever an earlier test left stopped (when it failed half-way), so each test starts whole. */
    void ensureRunning() throws IOException {
        if (!postgres.isRunning()) {
            postgres.start();
        }
        if (!kafka.isRunning()) {
            kafka.start();
        }
        for (int i = 0; i < budgetServices.length; i++) {
            if (!budgetServices[i].isAlive()) {
                startBudgetService(i);
            }
        }
        for (int i = 0; i < approvalServices.length; i++) {
            if (!approvalServices[i].isAlive()) {
                startApprovalService(i);
            }
        }
    }

    /** Every budget id in budget-service's event store, read directly from its database. */
    Set<String> storedBudgetIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = postgres.connect(BUDGET_DB);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT DISTINCT aggregate_identifier FROM domain_event_entry")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /**
     * Every event in budget-service's event store, read directly from its table: per budget, "sequence:type" in
     * sequence order (the type is the payload type's last segment, as in {@code LifecycleScript}).
     */
    Map<String, List<String>> storedEvents() throws SQLException {
        Map<String, List<String>> events = new TreeMap<>();
        try (Connection connection = postgres.connect(BUDGET_DB);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT aggregate_identifier, sequence_number, payload_type"
                        + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number")) {
            while (rows.next()) {
                String type = rows.getString(3);
                events.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                        .add(rows.getLong(2) + ":" + type.substring(type.lastIndexOf('.') + 1));
            }
        }
        return events;
    }

    /** A token for an auditor: from the shared issuer, or a development token from budget-service as it runs now. */
    String auditorToken() throws IOException, InterruptedException {
        if (issuer != null) {
            return issuer.token(TokenHolder.of("fault-auditor", Role.AUDITOR, null, null));
        }
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(budgetServiceUrl() + "/dev/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"fault-auditor\",\"role\":\"AUDITOR\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "no token from budget-service: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("token").asText();
    }

    /** GET {@code url} with the token: the status and the JSON body (null unless 200). */
    record Answer(int status, JsonNode body) {}

    /**
     * POST {@code url} with the token and no body: the status and the JSON body (the answer or its problem detail).
     * Waits up to 90 s: starting a replay answers once intake has paused on every approval-service instance, which
     * may take up to its pause timeout (60 s) after an instance was killed.
     */
    Answer post(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(90))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    Answer get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.statusCode() == 200 ? json.readTree(response.body()) : null);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        // Null for an instance whose start failed.
        List<AutoCloseable> parts = new ArrayList<>(Arrays.asList(approvalServices));
        parts.addAll(Arrays.asList(budgetServices));
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
        if (first != null) {
            throw first;
        }
    }
}
