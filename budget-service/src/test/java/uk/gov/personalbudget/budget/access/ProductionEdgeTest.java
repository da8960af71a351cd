package uk.gov.personalbudget.budget.access;

import com.nimbusds.jwt.JWTClaimsSet;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.personalbudget.budget.web.Party;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * budget-service with the production configuration as shipped (no profile, no override): no API document or Swagger
 * UI, no actuator path but health and metrics, the security headers on every answer, and only tokens for this
 * audience that say when they expire and live no longer than an hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionEdgeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void asShipped(DynamicPropertyRegistry registry) {
        ServedOverHttp.asShipped(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html", "/asyncapi.json"})
    void theApiDocumentAndSwaggerUiAreNotServed(String path) throws Exception {
        assertThat(get(path, null).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/metrics"})
    void noActuatorPathButHealthAndMetricsIsOpenEvenWithAToken(String path) throws Exception {
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, token(Party.AUDITOR)).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/api/v1/budgets/PB-unknown", "/api/v1/budgets/PB-unknown/events"})
    void everyAnswerCarriesTheSecurityHeaders(String path) throws Exception {
        for (String token : new String[] {null, token(Party.AUDITOR)}) {
            HttpResponse<String> answer = get(path, token);
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
    }

    @Test
    void aTokenWithoutExpiryForAnotherAudienceLivingOverAnHourOrWithAnOverlongSubjectIsRefused() throws Exception {
        TestIssuer issuer = TestIssuer.get();
        Caller auditor = Caller.of(Party.AUDITOR);
        Instant now = Instant.now();
        JWTClaimsSet valid = issuer.claims(auditor).build();
        assertThat(get("/api/v1/budgets/PB-unknown", issuer.sign(valid)).statusCode())
                .isEqualTo(404);

        JWTClaimsSet withoutExpiry =
                new JWTClaimsSet.Builder(valid).expirationTime(null).build();
        JWTClaimsSet forAnotherAudience =
                new JWTClaimsSet.Builder(valid).audience("another-api").build();
        JWTClaimsSet forADay = new JWTClaimsSet.Builder(valid)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                .build();
        JWTClaimsSet overAnHourSinceIssued = new JWTClaimsSet.Builder(valid)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(50))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(20))))
                .build();
        JWTClaimsSet overlongSubject =
                new JWTClaimsSet.Builder(valid).subject("s".repeat(129)).build();
        for (JWTClaimsSet claims :
                new JWTClaimsSet[] {withoutExpiry, forAnotherAudience, forADay, overAnHourSinceIssued, overlongSubject
                }) {
            HttpResponse<String> answer = get("/api/v1/budgets/PB-unknown", issuer.sign(claims));
            assertThat(answer.statusCode()).as(claims.toString()).isEqualTo(401);
            assertThat(answer.body()).contains("urn:personal-budget:problem:invalid-token");
        }
    }

    @Test
    void aBodyOverTheLimitIsAnsweredWhileItsClientIsStillSendingIt(@Autowired ServletWebServerApplicationContext web)
            throws Exception {
        // Tomcat closes a connection on more unread bytes than its swallow size, and its client then saw a reset
        // instead of the 413, now and then (BudgetServiceBadInputTest's 5 MB bodies).
        AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) ((TomcatWebServer) web.getWebServer())
                .getTomcat()
                .getConnector()
                .getProtocolHandler();
        assertThat(http.getMaxSwallowSize()).isEqualTo(16 * 1024 * 1024);

        byte[] tenMegabytes = " ".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {
                HttpRequest.BodyPublishers.ofByteArray(tenMegabytes),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytes))
            }) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/budgets"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token(Party.PRACTITIONER))
                        .header("Content-Type", "application/json")
                        .POST(body)
                        .build();
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode())
                        .as("try %d, %d bytes", i, body.contentLength())
                        .isEqualTo(413);
                assertThat(answer.body()).contains("payload-too-large");
            }
        }
    }

    private String token(Party party) {
        return TestIssuer.get().token(Caller.of(party));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
