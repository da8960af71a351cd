package uk.gov.personalbudget.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the images must be, read from their Dockerfiles: no Docker engine runs here, so this and
 * deploy/images/build-without-daemon (which builds them with buildah and checks the result) stand in for
 * {@code docker build}.
 */
class DockerfilesTest {

    @ParameterizedTest
    @CsvSource({"budget-service, 8080", "approval-service, 8081"})
    void imageIsLayeredOnAJreAndRunsAsANonRootUserWithAHealthCheck(String service, int port) {
        Path dockerfile = DeployFiles.DEPLOY.resolve("docker").resolve(service).resolve("Dockerfile");
        List<String> lines = DeployFiles.read(dockerfile)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<String> from =
                lines.stream().filter(line -> line.startsWith("FROM ")).toList();
        List<String> finalStage = lines.subList(lines.lastIndexOf(from.get(from.size() - 1)), lines.size());

        assertThat(lines).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre");
        assertThat(from).as("multi-stage").containsExactly("FROM ${JRE_IMAGE} AS layers", "FROM ${JRE_IMAGE}");
        assertThat(lines).contains("COPY " + service + "/target/" + service + ".jar " + service + ".jar");
        // A plain jar with its libraries beside it, not Spring Boot's launcher: class data sharing needs the
        // application's classes on the JVM's own class path.
        assertThat(lines)
                .contains("RUN java -Djarmode=tools -jar " + service + ".jar extract --layers --destination extracted");
        assertThat(finalStage)
                .filteredOn(line -> line.startsWith("COPY --from=layers"))
                .extracting(line ->
                        line.split(" ")[1 + 1].replace("/layers/extracted/", "").replace("/", ""))
                .containsExactly("dependencies", "snapshot-dependencies", "application");
        // Nothing but the layers comes into the final image: no sources, no build tools.
        assertThat(finalStage)
                .filteredOn(line -> line.startsWith("COPY ") || line.startsWith("ADD "))
                .allMatch(line -> line.startsWith("COPY --from=layers "));
        assertThat(String.join("\n", finalStage))
                .doesNotContainIgnoringCase("mvn")
                .doesNotContain("jdk");

        assertThat(finalStage).contains("USER 10001:10001", "EXPOSE " + port, "WORKDIR /application");
        assertThat(finalStage.indexOf("USER 10001:10001")).isGreaterThan(lastIndexStartingWith(finalStage, "RUN "));
        String javaToolOptions = finalStage.stream()
                .filter(line -> line.startsWith("ENV JAVA_TOOL_OPTIONS="))
                .findFirst()
                .orElseThrow();
        assertThat(javaToolOptions).contains("MaxRAMPercentage");
        // The parallel collector whatever the machine (the JVM picks G1 or the serial one by its size); the
        // benchmarks read these options from here (benchmarks' ImageJvmOptions).
        assertThat(javaToolOptions).contains("-XX:+UseParallelGC");
        if (service.equals("budget-service")) {
            // Three C2 compiler threads on any machine (the JVM starts one on up to 3 CPUs).
            assertThat(javaToolOptions).contains("-XX:CICompilerCount=4");
        }
        assertThat(String.join(" ", finalStage))
                .contains("CMD curl -fsS -o /dev/null http://127.0.0.1:" + port + "/actuator/health/readiness");
        // The class data sharing archive is written by a training run in the image (as root, before USER) with the
        // image's own JVM options (after ENV) and the local profile's embedded defaults, whose files it deletes;
        // the service starts with it. The benchmarks train with the same arguments (benchmarks' ImageJvmOptions).
        int training = lastIndexStartingWith(finalStage, "RUN java -XX:ArchiveClassesAtExit=application.jsa ");
        assertThat(training).isGreaterThan(finalStage.indexOf(javaToolOptions));
        assertThat(finalStage.get(training))
                .contains(" -Dspring.context.exit=onRefresh -jar " + service + ".jar --spring.profiles.active=local ");
        assertThat(finalStage.get(training + 1)).endsWith("; rm -rf data /tmp/training.log");
        assertThat(finalStage.get(finalStage.size() - 1))
                .isEqualTo("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=application.jsa\", \"-jar\", \"" + service
                        + ".jar\"]");

        assertThat(DeployFiles.read(dockerfile.resolveSibling("Dockerfile.dockerignore"))
                        .lines()
                        .toList())
                .contains("*", "!" + service + "/target/" + service + ".jar");
    }

    private static int lastIndexStartingWith(List<String> lines, String prefix) {
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                last = i;
            }
        }
        return last;
    }
}
