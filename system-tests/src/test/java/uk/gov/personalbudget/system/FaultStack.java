package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.testsupport.process.KafkaBrokerProcess;
import uk.gov.personalbudget.testsupport.process.RestartablePostgres;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.io.IOException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole product as separate processes that the fault tests stop, kill and start again: a real PostgreSQL
 * server holding both services' databases, the local-stack Kafka broker, budget-service and approval-service.
 * Each keeps its port and data across restarts, as it would in a deployment.
 */
final class FaultStack implements AutoCloseable {

    static final String TOPIC = "personal-budget-events";
    private static final String BUDGET_DB = "budget";
    private static final String APPROVAL_DB = "approval";
    private static final String KEYS_DB = "person_keys";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final RestartablePostgres postgres;
    private final KafkaBrokerProcess kafka;
    private final Path budgetJar;
    private final Path approvalJar;
    private final int budgetPort;
    private final int approvalPort;
    private ServiceProcess budgetService;
    private ServiceProcess approvalService;

    private FaultStack(RestartablePostgres postgres, KafkaBrokerProcess kafka, Path jars) throws IOException {
        this.postgres = postgres;
        this.kafka = kafka;
        this.budgetJar = jars.resolve("budget-service.jar");
        this.approvalJar = jars.resolve("approval-service.jar");
        this.budgetPort = ServiceProcess.freePort();
        this.approvalPort = ServiceProcess.freePort();
    }

    /**
     * Starts everything from copies of the packaged jars: a build that rewrites target/*.jar meanwhile would
     * otherwise break class loading in the running services (NoClassDefFoundError), a fault of its own.
     */
    static FaultStack start(Path data) throws Exception {
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
        FaultStack stack = new FaultStack(postgres, kafka, jars);
        try {
            stack.startBudgetService();
            stack.startApprovalService();
        } catch (Exception failed) {
            stack.close();
            throw failed;
        }
        return stack;
    }

    String budgetServiceUrl() {
        return "http://localhost:" + budgetPort;
    }

    String approvalServiceUrl() {
        return "http://localhost:" + approvalPort;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    ServiceProcess budgetService() {
        return budgetService;
    }

    ServiceProcess approvalService() {
        return approvalService;
    }

    void startBudgetService() throws IOException {
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(BUDGET_DB));
        arguments.addAll(commonArguments());
        budgetService = ServiceProcess.start("budget-service", budgetJar, budgetPort, arguments);
    }

    void startApprovalService() throws IOException {
        List<String> arguments = new ArrayList<>(postgres.datasourceArguments(APPROVAL_DB));
        arguments.addAll(commonArguments());
        arguments.add("--security.jwt.jwk-set-uri=" + budgetServiceUrl() + "/dev/jwks");
        approvalService = ServiceProcess.start("approval-service", approvalJar, approvalPort, arguments);
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
        budgetService.kill();
    }

    /** SIGTERM, as an orchestrator stops a pod; returns once the process has exited. */
    void stopBudgetService() {
        budgetService.close();
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
        approvalService.close();
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
        if (!budgetService.isAlive()) {
            startBudgetService();
        }
        if (!approvalService.isAlive()) {
            startApprovalService();
        }
    }

    /** Every budget id in budget-service's event store, read directly from its database. */
    Set<String> storedBudgetIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = postgres.connect(BUDGET_DB);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT aggregate_identifier FROM domain_event_entry")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** A development token for an auditor, from budget-service as it runs now. */
    String auditorToken() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(budgetServiceUrl() + "/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"fault-auditor\",\"role\":\"AUDITOR\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token from budget-service: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("token").asText();
    }

    /** GET {@code url} with the token: the status and the JSON body (null unless 200). */
    record Answer(int status, JsonNode body) {
    }

    Answer get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.statusCode() == 200 ? json.readTree(response.body()) : null);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable part : new AutoCloseable[] {approvalService, budgetService, kafka, postgres}) {
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
