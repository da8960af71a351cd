package uk.gov.personalbudget.system;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The cross-service lifecycle on the embedded defaults: each service on its own H2 file database, and the key
 * store in a third that both open.
 */
class CrossServiceOnH2Test extends CrossServiceLifecycleTest {

    @TempDir
    Path data;

    @Override
    List<String> database(String service) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve(service) + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /** One H2 file for both processes; AUTO_SERVER lets the second in through the first. */
    @Override
    List<String> keyStore() {
        return List.of(
                "--personal-data.keys.datasource.url=jdbc:h2:file:" + data.resolve("keys") + ";AUTO_SERVER=TRUE");
    }
}
