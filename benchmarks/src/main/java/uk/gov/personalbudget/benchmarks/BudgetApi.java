package uk.gov.personalbudget.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;
import uk.gov.personalbudget.testsupport.process.LifecycleScript.Step;
import uk.gov.personalbudget.testsupport.tokens.DevTokenRequests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** budget-service's REST API as the load generator uses it: development tokens and lifecycle commands. */
final class BudgetApi {

    /** How budget-service answered one command; {@code budgetId} and {@code version} only for a 2xx. */
    record Answer(int status, String budgetId, long version, String body) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;

    BudgetApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A development token from POST /dev/tokens (local profile). */
    String token(String sub, String role, String person, Long authorisationLimit) throws IOException, InterruptedException {
        String body = DevTokenRequests.body(sub, role, person, authorisationLimit);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/tokens"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token from budget-service: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("token").asText();
    }

    /** Sends step {@code step} of {@link LifecycleScript#SCRIPT} for the budget (opening when {@code budgetId} is null). */
    Answer command(int step, String budgetId, String person, String token) throws IOException, InterruptedException {
        Step command = LifecycleScript.SCRIPT.get(step);
        String uri = baseUrl + "/api/v1/budgets" + (step == 0 ? "" : "/" + budgetId + "/" + command.path());
        String body = step == 0
                ? "{\"person\":\"" + person + "\",\"localAuthority\":\"Northshire County Council\","
                + "\"allocatedPractitioner\":\"pr-bench\"}"
                : command.body() == null ? "" : command.body().get();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            return new Answer(response.statusCode(), budgetId, -1, response.body());
        }
        JsonNode accepted = JSON.readTree(response.body());
        return new Answer(response.statusCode(), step == 0 ? accepted.get("id").asText() : budgetId,
                accepted.get("version").asLong(), null);
    }

    /** GET with a token: the status and body. */
    static HttpResponse<String> get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
