package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curl examples of docs/security.md's "Retries and concurrent changes", run as written against the service
 * (up to the part that needs approval-service), so the page shows what the service really answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:retries-doc-${random.uuid};DB_CLOSE_DELAY=-1",
            "budget.publication.enabled=false"
        })
class RetriesDocTest {

    static final Path DOC = Path.of("..", "docs", "security.md");
    static final String SECTION = "## Retries and concurrent changes";
    static final String APPROVAL_MARKER = "<!-- the rest needs approval-service -->";
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theExamplesRunAsWrittenAndShowWhatTheServiceAnswers() throws Exception {
        String output = run(script());

        assertThat(output)
                .containsSubsequence(
                        "HTTP/1.1 201",
                        "ETag: \"0\"",
                        "HTTP/1.1 201",
                        "Idempotent-Replayed: true",
                        "HTTP/1.1 422",
                        "idempotency-key-reused")
                .containsSubsequence(
                        "read: ETag \"0\"",
                        "HTTP/1.1 200",
                        "ETag: \"1\"",
                        "HTTP/1.1 412",
                        "ETag: \"1\"",
                        "\"currentVersion\":1",
                        "HTTP/1.1 400",
                        "invalid-if-match");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .as("one budget opened, assessed once")
                .isEqualTo(2);
    }

    /** The section's bash blocks before the approval-service part, as one script. */
    private static String script() throws Exception {
        String markdown = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = markdown.indexOf(SECTION);
        assertThat(start).as(DOC + " has the section " + SECTION).isNotNegative();
        int end = markdown.indexOf(APPROVAL_MARKER, start);
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher blocks = BASH_BLOCK.matcher(section);
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        return script.toString();
    }

    private String run(String script) throws Exception {
        Path file = Files.createTempFile("retries", ".sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        builder.environment().put("BASE", "http://localhost:" + port);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        Files.deleteIfExists(file);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
