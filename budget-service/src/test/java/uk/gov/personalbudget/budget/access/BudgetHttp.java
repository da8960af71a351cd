package uk.gov.personalbudget.budget.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.gov.personalbudget.budget.web.Bodies;
import uk.gov.personalbudget.budget.web.Party;
import uk.gov.personalbudget.budget.web.Stage;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** budget-service over real HTTP, with tokens from {@link TestIssuer}. */
public final class BudgetHttp {

    public static final String BUDGETS = "/api/v1/budgets";
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final TestIssuer issuer;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    BudgetHttp(String base, TestIssuer issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    /** What the service answered. */
    public record Answer(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith(PROBLEM_JSON);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    public String token(Caller caller) {
        return issuer.token(caller);
    }

    /** Any request at all: {@code authorization} and {@code contentType} are left out when null. */
    public Answer send(
            String method, String path, String authorization, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code method path} as {@code caller}, with a JSON body (none when null). */
    public Answer call(String method, String path, Caller caller, String body) {
        return send(
                method,
                path,
                "Bearer " + token(caller),
                body == null ? null : "application/json",
                body == null ? null : HttpRequest.BodyPublishers.ofString(body));
    }

    public Answer command(String id, String command, Caller caller, String body) {
        return call("POST", BUDGETS + "/" + id + "/" + command, caller, body);
    }

    /** A new budget for {@link Party#PERSON_REF} taken to {@code stage} by the usual parties; its id. */
    public String budgetAt(Stage stage) {
        return budgetAt(stage, Party.PERSON_REF);
    }

    /**
     * A new budget for {@code person} taken to {@code stage} by the usual parties; its id. The person's own
     * steps are taken by {@link Party#PERSON}, so for another person only stages up to OFFERED can be reached.
     */
    public String budgetAt(Stage stage, String person) {
        Answer opened = call("POST", BUDGETS, Caller.of(Party.PRACTITIONER), Bodies.opening(person));
        assertThat(opened.status()).as("opening: %s", opened).isEqualTo(201);
        String id = opened.json().get("id").textValue();
        for (Stage.Step step : stage.steps()) {
            Answer answer = command(
                    id, step.command(), Caller.of(step.by()), step.body().get());
            assertThat(answer.status())
                    .as("%s on the way to %s: %s", step.command(), stage, answer)
                    .isEqualTo(200);
        }
        return id;
    }

    /** A new budget for {@code person}, opened and closed at once, so that their personal data may be erased; its id. */
    public String closedBudgetOf(String person) {
        String id = budgetAt(Stage.OPENED, person);
        Answer closed = command(id, "close-budget", Caller.of(Party.AUTHORITY), Bodies.closure("Opened in error"));
        assertThat(closed.status()).as("closing: %s", closed).isEqualTo(200);
        return id;
    }

    /** The erasure of {@code person}'s personal data, requested by {@code authority}; the request's id. */
    public String erasureRequested(String person, Caller authority) {
        Answer requested = call("POST", "/api/v1/persons/" + person + "/erasure-requests", authority, ERASURE_REQUEST);
        assertThat(requested.status())
                .as("requesting an erasure: %s", requested)
                .isEqualTo(201);
        return requested.json().get("id").textValue();
    }

    /** A valid erasure request's body. */
    public static final String ERASURE_REQUEST = "{\"reason\":\"The person asked for their data to be erased\"}";

    /** The budget as an auditor reads it now. */
    public String view(String id) {
        Answer view = call("GET", BUDGETS + "/" + id, Caller.of(Party.AUDITOR), null);
        assertThat(view.status()).as("reading %s: %s", id, view).isEqualTo(200);
        return view.body();
    }
}
