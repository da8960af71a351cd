package uk.gov.personalbudget.budget.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code bash} blocks of docs/walkthrough.md, in order, as one script against running services, so
 * the page a user follows is exactly what the tests prove. The blocks after {@link #STACK_MARKER} need
 * approval-service and Kafka too; budget-service's own tests stop before them.
 */
public final class WalkthroughScript {

    public static final Path DOC = Path.of("..", "docs", "walkthrough.md");
    /** The line in the page after which the walk reads from approval-service. */
    public static final String STACK_MARKER = "<!-- the rest needs the whole stack -->";

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CONTROL_HOLDER = Pattern.compile("\"controlHolder\":\\{\"party\":\"(\\w+)\"");

    private WalkthroughScript() {}

    /** What the script printed, with its exit code. */
    public record Run(int exitCode, String output) {

        /** The control holder's party of every budget answer, in the order printed. */
        public List<String> controlHolders() {
            List<String> parties = new ArrayList<>();
            Matcher matcher = CONTROL_HOLDER.matcher(output);
            while (matcher.find()) {
                parties.add(matcher.group(1));
            }
            return parties;
        }
    }

    /** The walk up to the stack marker, against budget-service alone. */
    public static Run runAgainst(String baseUrl) throws IOException, InterruptedException {
        return run(Map.of("BASE", baseUrl), false);
    }

    /** The whole walk; {@code environment} gives BASE (budget-service) and APPROVAL (approval-service). */
    public static Run runWholeStack(Map<String, String> environment) throws IOException, InterruptedException {
        return run(environment, true);
    }

    private static Run run(Map<String, String> environment, boolean wholeStack)
            throws IOException, InterruptedException {
        String markdown = Files.readString(DOC, StandardCharsets.UTF_8);
        int marker = markdown.indexOf(STACK_MARKER);
        if (!wholeStack && marker >= 0) {
            markdown = markdown.substring(0, marker);
        }
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher blocks = BASH_BLOCK.matcher(markdown);
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        Path file = Files.createTempFile("walkthrough", ".sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the walkthrough did not finish in 5 minutes:\n" + output);
        }
        Files.deleteIfExists(file);
        return new Run(process.exitValue(), output);
    }

    /** The control holder after each step of the walk, then the reads of section 8 (now, then asOf). */
    public static final List<String> EXPECTED_CONTROL = List.of(
            "PRACTITIONER", // opened
            "AUTHORITY",
            "PERSON",
            "AUTHORITY",
            "PERSON",
            "PERSON", // assess, offer, contest, revise, accept
            "PRACTITIONER",
            "PERSON",
            "PRACTITIONER",
            "AUTHORITY", // submit, return, resubmit, endorse
            "AUTHORITY",
            "PERSON", // statement, decline
            "PRACTITIONER",
            "AUTHORITY",
            "PERSON",
            "PERSON", // resubmit, endorse, approve, choose
            "NOMINEE",
            "PERSON", // delegate, resume
            "PERSON",
            "PERSON", // challenge the approved amount, answer (not upheld)
            "PERSON", // reallocate
            "PERSON",
            "PERSON",
            "PERSON",
            "PERSON",
            "NOBODY", // adjust, schedule, complete (replan), adjust, close
            "NOBODY",
            "AUTHORITY"); // read now, read asOf
}
