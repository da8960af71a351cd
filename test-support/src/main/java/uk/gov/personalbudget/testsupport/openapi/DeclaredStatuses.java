package uk.gov.personalbudget.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares what {@link ObservedStatuses} recorded with an OpenAPI document: every status observed for an operation
 * must be declared among its responses. Paths that are not the document's (the actuator, static pages) are passed
 * over only when the caller names them.
 */
public final class DeclaredStatuses {

    private record Template(String path, Pattern pattern, JsonNode item) {}

    private final List<Template> templates = new ArrayList<>();

    private DeclaredStatuses(JsonNode document) {
        document.get("paths")
                .fields()
                .forEachRemaining(path -> templates.add(new Template(
                        path.getKey(),
                        Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")),
                        path.getValue())));
    }

    public static DeclaredStatuses of(Path document) throws IOException {
        return new DeclaredStatuses(new ObjectMapper().readTree(document.toFile()));
    }

    /** The recorded lines ({@code METHOD URI STATUS}) in every file of {@code directory}. */
    public static List<String> observations(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /**
     * Each observed {@code (METHOD template, status)} the document does not declare, once, sorted; observations whose
     * path starts with one of {@code notInTheDocument} are passed over, and so is 405 on a path the document has
     * (the method is the caller's mistake, and no operation of the document answers it).
     */
    public Set<String> undeclared(List<String> observations, Set<String> notInTheDocument) {
        Set<String> undeclared = new TreeSet<>();
        for (String observation : observations) {
            String[] parts = observation.split(" ");
            String method = parts[0];
            String uri = parts[1];
            String status = parts[2];
            if (notInTheDocument.stream().anyMatch(uri::startsWith)) {
                continue;
            }
            Template template = match(uri);
            if (template == null) {
                // A path the document does not have answers 404 rightly: there is no operation to declare it on.
                if (!status.equals("404")) {
                    undeclared.add(method + " " + uri + " " + status + " (no path of the document)");
                }
                continue;
            }
            JsonNode operation = template.item().get(method.toLowerCase(Locale.ROOT));
            if (operation == null) {
                if (!status.equals("405")) {
                    undeclared.add(method + " " + template.path() + " " + status + " (no such operation)");
                }
                continue;
            }
            if (!operation.path("responses").has(status)) {
                undeclared.add(method + " " + template.path() + " " + status);
            }
        }
        return undeclared;
    }

    /** The path with no parameter that matches, else the first template that does. */
    private Template match(String uri) {
        Template found = null;
        for (Template template : templates) {
            if (template.path().equals(uri)) {
                return template;
            }
            if (found == null && template.pattern().matcher(uri).matches()) {
                found = template;
            }
        }
        return found;
    }
}
