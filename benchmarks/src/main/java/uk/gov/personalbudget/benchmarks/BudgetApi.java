package uk.gov.personalbudget.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.process.LifecycleScript;
import uk.gov.personalbudget.testsupport.tokens.DevTokenRequests;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * budget-service's REST API as the load generator uses it: tokens and lifecycle commands. With one instance,
 * development tokens from it; with several, tokens from the issuer they all trust, and each command sent to an
 * instance by the {@link Routing}.
 */
final class BudgetApi {

    /** How a balancer in front of several instances picks one for a command. */
    enum Routing {
        /** The next instance in turn (one turn shared by all clients): a balancer without affinity. */
        ROUND_ROBIN,
        /** By a hash of the budget id in the path (openings round robin): a balancer with budget affinity. */
        BY_BUDGET;

        static Routing of(String flag) {
            return valueOf(flag.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        String flag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** How budget-service answered one command; {@code budgetId} and {@code version} only for a 2xx. */
    record Answer(int status, String budgetId, long version, String body) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final List<String> instances;
    private final TestIssuer issuer;
    private final Routing routing;
    private final AtomicLong turn = new AtomicLong();
    private final HttpClient http;

    BudgetApi(String baseUrl) {
        this(List.of(baseUrl), null, Routing.ROUND_ROBIN);
    }

    /** Commands to {@code instances} by {@code routing}, with tokens from {@code issuer} (null: development tokens). */
    BudgetApi(List<String> instances, TestIssuer issuer, Routing routing) {
        this.baseUrl = instances.get(0);
        this.instances = List.copyOf(instances);
        this.issuer = issuer;
        this.routing = routing;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A token from the shared issuer, or a development token from POST /dev/tokens (local profile). */
    String token(String sub, String role, String person, Long authorisationLimit)
            throws IOException, InterruptedException {
        if (issuer != null) {
            return issuer.token(TokenHolder.of(sub, Role.valueOf(role), person, authorisationLimit));
        }
        String body = DevTokenRequests.body(sub, role, person, authorisationLimit);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/dev/tokens"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "no token from budget-service: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("token").asText();
    }

    /** Sends step {@code step} of {@link LifecycleScript#SCRIPT} for the budget (opening when {@code budgetId} is null). */
    Answer command(int step, String budgetId, String person, String token) throws IOException, InterruptedException {
        String uri = instanceFor(budgetId) + LifecycleScript.path(step, budgetId);
        String body = LifecycleScript.body(step, person);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(uri))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            return new Answer(response.statusCode(), budgetId, -1, response.body());
        }
        JsonNode accepted = JSON.readTree(response.body());
        return new Answer(
                response.statusCode(),
                step == 0 ? accepted.get("id").asText() : budgetId,
                accepted.get("version").asLong(),
                null);
    }

    private String instanceFor(String budgetId) {
        if (routing == Routing.BY_BUDGET && budgetId != null) {
            return instances.get(Math.floorMod(budgetId.hashCode(), instances.size()));
        }
        return instances.get((int) (turn.getAndIncrement() % instances.size()));
    }

    /** GET with a token: the status and body. */
    static HttpResponse<String> get(HttpClient http, String url, String token)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
