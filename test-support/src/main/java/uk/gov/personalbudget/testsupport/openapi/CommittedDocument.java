package uk.gov.personalbudget.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's OpenAPI document as committed under {@code contracts/src/main/resources/openapi/}, from which the build
 * generates clients. A service's test compares it with the document it serves; with {@code -D}{@link #REFRESH}
 * {@code =true} the test writes the served one there instead.
 */
public final class CommittedDocument {

    /** The system property that makes a service's document test rewrite the committed file. */
    public static final String REFRESH = "openapi.refresh";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    private CommittedDocument(Path file) {
        this.file = file;
    }

    /** The committed document of {@code service}, seen from a module's directory (a test's working directory). */
    public static CommittedDocument of(String service) {
        return new CommittedDocument(
                Path.of("..", "contracts", "src", "main", "resources", "openapi", service + ".json"));
    }

    public Path file() {
        return file.toAbsolutePath().normalize();
    }

    public JsonNode read() throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** Writes {@code served} to the file when {@link #REFRESH} is set; says whether it did. */
    public boolean refreshIfAsked(JsonNode served) throws IOException {
        if (!Boolean.getBoolean(REFRESH)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(served) + "\n");
        return true;
    }

    /** What to tell someone whose change made the served document differ from the committed one. */
    public String howToRefresh(String module, String test) {
        return "the served /v3/api-docs differs from " + file() + ": if the change is meant, run ./mvnw -pl " + module
                + " test -Dtest=" + test + " -D" + REFRESH + "=true and commit the file (the clients generated from "
                + "it in system-tests follow)";
    }
}
