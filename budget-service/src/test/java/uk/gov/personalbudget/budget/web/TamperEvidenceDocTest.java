package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curl example of docs/security.md's "Verify a budget on the local stack", run as written against the service
 * before and after a stored event is altered, so the page shows what the service really answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:tamper-doc-${random.uuid};DB_CLOSE_DELAY=-1",
            "budget.publication.enabled=false"
        })
class TamperEvidenceDocTest {

    static final Path DOC = Path.of("..", "docs", "security.md");
    static final String SECTION = "### Verify a budget on the local stack";
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BUDGET_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DevTokenIssuer issuer;

    @Test
    void theExampleRunsAsWrittenAndShowsAnAlteredEvent() throws Exception {
        String budget = openBudget();

        assertThat(run(script(), budget))
                .contains(
                        "\"intact\":true",
                        "\"eventsChecked\":1",
                        "\"head\":{\"sequence\":0,\"hash\":\"",
                        "\"firstMismatch\":null");

        jdbc.update(
                "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                        + "WHERE aggregate_identifier = ?",
                budget);

        assertThat(run(script(), budget))
                .contains(
                        "\"intact\":false",
                        "\"firstMismatch\":{\"sequence\":0,\"eventType\":\"BudgetOpened\",\"kind\":\"CONTENT\"");
    }

    private String openBudget() throws Exception {
        HttpResponse<String> opened = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/budgets"))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + issuer.issue(
                                                        "pr-ellis",
                                                        Role.PRACTITIONER,
                                                        null,
                                                        null,
                                                        TokenHolder.HOME_COUNCIL))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Bodies.opening()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        Matcher id = BUDGET_ID.matcher(opened.body());
        assertThat(id.find()).as(opened.body()).isTrue();
        return id.group(1);
    }

    /** The subsection's bash blocks, as one script. */
    private static String script() throws Exception {
        String markdown = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = markdown.indexOf(SECTION);
        assertThat(start).as(DOC + " has the section " + SECTION).isNotNegative();
        int end = markdown.indexOf("\n## ", start);
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher blocks = BASH_BLOCK.matcher(section);
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        return script.toString();
    }

    private String run(String script, String budget) throws Exception {
        Path file = Files.createTempFile("tamper-evidence", ".sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        builder.environment().put("BASE", "http://localhost:" + port);
        builder.environment().put("BUDGET", budget);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        Files.deleteIfExists(file);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
