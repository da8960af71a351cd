package uk.gov.personalbudget.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options a service's image sets ({@code JAVA_TOOL_OPTIONS} in deploy/docker/&lt;service&gt;/Dockerfile), read
 * from the Dockerfile so that a benchmark runs the service as shipped. They come before {@code --service-jvm}'s, which
 * therefore win where both set a flag: the images' heap share ({@code -XX:MaxRAMPercentage}) gives way to the
 * benchmarks' {@code -Xmx512m}, and {@code --service-jvm="-Xmx512m -XX:CICompilerCount=2"} measures the JVM's own
 * compiler threads. The image's class data sharing training is read from it too.
 */
final class ImageJvmOptions {

    /** The image's {@code ENV} instruction, not a comment that names the variable. */
    private static final Pattern JAVA_TOOL_OPTIONS =
            Pattern.compile("^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"", Pattern.MULTILINE);

    /** The image's class data sharing training run: its arguments after the jar, up to its output's redirection. */
    private static final Pattern TRAINING = Pattern.compile(
            "^RUN java -XX:ArchiveClassesAtExit=\\S+ -Dspring\\.context\\.exit=onRefresh -jar \\S+ ([^>\\n]*)>",
            Pattern.MULTILINE);

    static List<String> of(String module) throws IOException {
        Path dockerfile = dockerfile(module);
        Matcher options = JAVA_TOOL_OPTIONS.matcher(Files.readString(dockerfile));
        if (!options.find()) {
            throw new IllegalStateException(
                    dockerfile + " sets no ENV JAVA_TOOL_OPTIONS=\"…\": the benchmarks run the services"
                            + " with the JVM options their images set");
        }
        return words(options.group(1));
    }

    /**
     * The application arguments of the image's class data sharing training run ({@link ClassDataSharing}), or
     * empty if the image makes no archive.
     */
    static Optional<List<String>> classDataSharingTraining(String module) throws IOException {
        Path dockerfile = dockerfile(module);
        String text = Files.readString(dockerfile);
        Matcher training = TRAINING.matcher(text);
        if (training.find()) {
            return Optional.of(words(training.group(1)));
        }
        if (text.contains("-XX:ArchiveClassesAtExit=")) {
            // Not silently without the archive the image has: the benchmarks would measure another start.
            throw new IllegalStateException(dockerfile + " trains a class data sharing archive in a form the"
                    + " benchmarks do not read: RUN java -XX:ArchiveClassesAtExit=<archive>"
                    + " -Dspring.context.exit=onRefresh -jar <jar> <arguments> >…");
        }
        return Optional.empty();
    }

    private static Path dockerfile(String module) {
        return Path.of("..", "deploy", "docker", module, "Dockerfile")
                .toAbsolutePath()
                .normalize();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private ImageJvmOptions() {}
}
