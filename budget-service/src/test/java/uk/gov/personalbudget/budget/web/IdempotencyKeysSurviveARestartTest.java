package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.budget.BudgetServiceApplication;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys live in the service's database, not its memory: after a restart on the same H2 file, a retry still gets
 * the first answer (a success and a rejection alike) and stores nothing.
 */
class IdempotencyKeysSurviveARestartTest {

    @TempDir
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aRetryAfterARestartGetsTheFirstAnswerAndStoresNothing() throws Exception {
        service = start();
        HttpResponse<String> opened = post("/api/v1/budgets", "restart-open", Bodies.opening(), Party.PRACTITIONER);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String budget = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        HttpResponse<String> refused =
                post("/api/v1/budgets/" + budget + "/offer-budget", "restart-offer", Bodies.offer(), Party.AUTHORITY);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);

        service.close();
        service = start();

        HttpResponse<String> openedAgain =
                post("/api/v1/budgets", "restart-open", Bodies.opening(), Party.PRACTITIONER);
        assertThat(openedAgain.statusCode()).isEqualTo(201);
        assertThat(openedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(openedAgain.headers().firstValue("Location"))
                .isEqualTo(opened.headers().firstValue("Location"));
        assertThat(openedAgain.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(openedAgain.body()).isEqualTo(opened.body());

        HttpResponse<String> refusedAgain =
                post("/api/v1/budgets/" + budget + "/offer-budget", "restart-offer", Bodies.offer(), Party.AUTHORITY);
        assertThat(refusedAgain.statusCode()).isEqualTo(409);
        assertThat(refusedAgain.body()).isEqualTo(refused.body()).contains("no-eligible-assessment");

        HttpResponse<String> reused =
                post("/api/v1/budgets", "restart-open", Bodies.opening(Party.OTHER_PERSON_REF), Party.PRACTITIONER);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(service.getBean(JdbcTemplate.class)
                        .queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isEqualTo(1);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BudgetServiceApplication.class)
                .run(
                        "--spring.profiles.active=local",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("events")
                                + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--budget.publication.enabled=false");
    }

    private HttpResponse<String> post(String path, String key, String body, Party by) throws Exception {
        String token = service.getBean(DevTokenIssuer.class)
                .issue(by.sub, by.role, by.person, by.authorisationLimit, TokenHolder.HOME_COUNCIL);
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
