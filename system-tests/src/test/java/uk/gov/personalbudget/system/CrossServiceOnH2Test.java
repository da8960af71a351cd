package uk.gov.personalbudget.system;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** The cross-service lifecycle on the embedded defaults: each service on its own H2 file database. */
class CrossServiceOnH2Test extends CrossServiceLifecycleTest {

    @TempDir
    Path data;

    @Override
    List<String> database(String service) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve(service) + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
