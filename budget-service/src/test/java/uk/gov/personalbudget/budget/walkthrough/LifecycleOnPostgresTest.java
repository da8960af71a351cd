package uk.gov.personalbudget.budget.walkthrough;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.personalbudget.budget.BudgetServiceApplication;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole walkthrough on a real PostgreSQL, then a restart of the service on the same database: every
 * event, the snapshots and the point-in-time reads survive, so nothing was only in memory.
 */
class LifecycleOnPostgresTest {

    private static final Pattern BUDGET_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aWholeLifecycleOnPostgresSurvivesARestartOfTheService() throws Exception {
        service = start();
        var run = WalkthroughScript.runAgainst(baseUrl());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.controlHolders()).as(run.output()).containsExactlyElementsOf(WalkthroughScript.EXPECTED_CONTROL);
        Matcher id = BUDGET_ID.matcher(run.output());
        assertThat(id.find()).as(run.output()).isTrue();
        String budget = id.group(1);
        String before = get("/api/v1/budgets/" + budget).body();
        String eventsBefore = get("/api/v1/budgets/" + budget + "/events").body();
        String asOfEndorsed = endorsedAt(eventsBefore);

        service.close();
        service = start();

        HttpResponse<String> after = get("/api/v1/budgets/" + budget);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).hasValue("\"25\"");
        assertThat(after.body()).isEqualTo(before);
        assertThat(get("/api/v1/budgets/" + budget + "/events").body()).isEqualTo(eventsBefore);
        assertThat(get("/api/v1/budgets/" + budget + "?asOf=" + asOfEndorsed).body())
                .contains("\"status\":\"PLAN_ENDORSED\"", "\"version\":13", "\"party\":\"AUTHORITY\"");
        assertThat(snapshotsOf(budget)).as("snapshots every 5 events").isPositive();

        HttpResponse<String> afterClose = post(
                "/api/v1/budgets/" + budget + "/suspend-budget",
                "{\"reason\":\"r\",\"interimArrangement\":\"i\",\"personTookPart\":false,\"personToldBy\":\"IN_PERSON\"}",
                Role.AUTHORITY);
        assertThat(afterClose.statusCode()).isEqualTo(409);
        assertThat(afterClose.body()).contains("urn:personal-budget:problem:budget-closed");

        var again = WalkthroughScript.runAgainst(baseUrl());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.controlHolders()).containsExactlyElementsOf(WalkthroughScript.EXPECTED_CONTROL);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BudgetServiceApplication.class)
                .run(
                        "--spring.profiles.active=local",
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--budget.snapshot.threshold=5",
                        "--budget.publication.enabled=false");
    }

    private String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    private String token(Role role) {
        return service.getBean(DevTokenIssuer.class)
                .issue(
                        "test-" + role.name().toLowerCase(),
                        role,
                        null,
                        role == Role.AUTHORITY ? 10_000_000L : null,
                        TokenHolder.HOME_COUNCIL);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Authorization", "Bearer " + token(Role.AUDITOR))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Role role) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Authorization", "Bearer " + token(role))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String endorsedAt(String events) {
        Matcher matcher =
                Pattern.compile("\"sequence\":13,\"timestamp\":\"([^\"]+)\"").matcher(events);
        assertThat(matcher.find()).as(events).isTrue();
        return matcher.group(1);
    }

    private int snapshotsOf(String budget) throws Exception {
        try (var connection = DriverManager.getConnection(database.url(), database.username(), database.password());
                var query = connection.prepareStatement(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = ?")) {
            query.setString(1, budget);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
