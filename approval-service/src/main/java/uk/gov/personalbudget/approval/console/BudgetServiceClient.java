package uk.gov.personalbudget.approval.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * budget-service as the console reaches it through this service, so the pages talk to one origin: a read is
 * forwarded with the caller's own bearer token, and budget-service applies its own rules to it as well.
 * Its base URL is {@code approval.budget-service.url} ({@code APPROVAL_BUDGET_SERVICE_URL}); without one every
 * forwarded call answers 503.
 */
@Component
class BudgetServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    BudgetServiceClient(@Value("${approval.budget-service.url:}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** GET {@code pathAndQuery} (already encoded) as the holder of {@code bearerToken}. */
    ResponseEntity<byte[]> get(String pathAndQuery, String bearerToken) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .GET());
    }

    /** POST a JSON body, without a token (budget-service's development token endpoint needs none). */
    ResponseEntity<byte[]> postJson(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private URI uri(String pathAndQuery) {
        if (baseUrl.isEmpty()) {
            throw new BudgetServiceUnavailable(
                    "no budget-service is configured for this service " + "(APPROVAL_BUDGET_SERVICE_URL)");
        }
        return URI.create(baseUrl + pathAndQuery);
    }

    /** budget-service's answer as it was: status, content type and body (its problem details included). */
    private ResponseEntity<byte[]> send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            var answer = ResponseEntity.status(response.statusCode());
            response.headers()
                    .firstValue(HttpHeaders.CONTENT_TYPE)
                    .ifPresent(type -> answer.contentType(MediaType.parseMediaType(type)));
            return answer.body(response.body());
        } catch (IOException unreachable) {
            throw new BudgetServiceUnavailable(
                    "budget-service did not answer: " + unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BudgetServiceUnavailable("interrupted while waiting for budget-service");
        }
    }
}
