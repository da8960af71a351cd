package uk.gov.personalbudget.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options a service's image sets ({@code JAVA_TOOL_OPTIONS} in deploy/docker/&lt;service&gt;/Dockerfile), read
 * from the Dockerfile so that a benchmark runs the service as shipped. They come before {@code --service-jvm}'s, which
 * therefore win where both set a flag: the images' heap share ({@code -XX:MaxRAMPercentage}) gives way to the
 * benchmarks' {@code -Xmx512m}, and {@code --service-jvm="-Xmx512m -XX:CICompilerCount=2"} measures the JVM's own
 * compiler threads.
 */
final class ImageJvmOptions {

    /** The image's {@code ENV} instruction, not a comment that names the variable. */
    private static final Pattern JAVA_TOOL_OPTIONS =
            Pattern.compile("^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"", Pattern.MULTILINE);

    static List<String> of(String module) throws IOException {
        Path dockerfile = Path.of("..", "deploy", "docker", module, "Dockerfile")
                .toAbsolutePath()
                .normalize();
        Matcher options = JAVA_TOOL_OPTIONS.matcher(Files.readString(dockerfile));
        if (!options.find()) {
            throw new IllegalStateException(
                    dockerfile + " sets no ENV JAVA_TOOL_OPTIONS=\"…\": the benchmarks run the services"
                            + " with the JVM options their images set");
        }
        return Arrays.stream(options.group(1).strip().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    private ImageJvmOptions() {}
}
