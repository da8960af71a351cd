package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection core stays plain Java (STYLE.md 6): Spring and JDBC only in its {@code store} package. */
class ProjectionIndependenceTest {

    private static final Path CORE = Path.of("src/main/java/uk/gov/personalbudget/approval/projection");

    @Test
    void theProjectionCoreImportsNeitherSpringNorJdbc() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(CORE)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            assertThat(Files.readAllLines(source)).as(source.getFileName().toString())
                    .noneMatch(line -> line.startsWith("import org.springframework")
                            || line.startsWith("import java.sql")
                            || line.startsWith("import javax.sql")
                            || line.startsWith("import jakarta.persistence"));
        }
    }
}
