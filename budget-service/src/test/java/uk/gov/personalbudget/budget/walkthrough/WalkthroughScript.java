package uk.gov.personalbudget.budget.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code bash} blocks of docs/walkthrough.md, in order, as one script against a running
 * budget-service, so the page a user follows is exactly what the tests prove.
 */
final class WalkthroughScript {

    static final Path DOC = Path.of("..", "docs", "walkthrough.md");

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CONTROL_HOLDER = Pattern.compile("\"controlHolder\":\\{\"party\":\"(\\w+)\"");

    private WalkthroughScript() {
    }

    /** What the script printed, with its exit code. */
    record Run(int exitCode, String output) {

        /** The control holder's party of every budget answer, in the order printed. */
        List<String> controlHolders() {
            List<String> parties = new ArrayList<>();
            Matcher matcher = CONTROL_HOLDER.matcher(output);
            while (matcher.find()) {
                parties.add(matcher.group(1));
            }
            return parties;
        }
    }

    static Run runAgainst(String baseUrl) throws IOException, InterruptedException {
        String markdown = Files.readString(DOC, StandardCharsets.UTF_8);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher blocks = BASH_BLOCK.matcher(markdown);
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        Path file = Files.createTempFile("walkthrough", ".sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        builder.environment().put("BASE", baseUrl);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the walkthrough did not finish in 2 minutes:\n" + output);
        }
        Files.deleteIfExists(file);
        return new Run(process.exitValue(), output);
    }

    /** The control holder after each step of the walk, then the reads of section 7 (now, then asOf). */
    static final List<String> EXPECTED_CONTROL = List.of(
            "PRACTITIONER",                                                   // opened
            "AUTHORITY", "PERSON", "AUTHORITY", "PERSON", "PERSON",           // assess, offer, contest, revise, accept
            "PRACTITIONER", "PERSON", "PRACTITIONER", "AUTHORITY",            // submit, return, resubmit, endorse
            "AUTHORITY", "PERSON",                                            // statement, decline
            "PRACTITIONER", "AUTHORITY", "PERSON", "PERSON",                  // resubmit, endorse, approve, choose
            "NOMINEE", "PERSON",                                              // delegate, resume
            "PERSON", "PERSON", "PERSON", "NOBODY",                           // adjust, schedule, complete, close
            "NOBODY", "AUTHORITY");                                           // read now, read asOf
}
