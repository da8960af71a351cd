package uk.gov.personalbudget.budget.publication;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docs/events.md as a test reads it: under each "### EventType" heading, the first json block is its example. */
final class EventsDoc {

    static final Path DOC = Path.of("..", "docs", "events.md");

    private static final Pattern TYPE_HEADING = Pattern.compile("### (\\w+)");

    /** Equal JSON values, where 1200000 read as an int equals 1200000 written from a long. */
    static final Comparator<JsonNode> SAME_NUMBERS = (one, other) -> one.equals(other)
                    || one.isNumber() && other.isNumber() && one.decimalValue().compareTo(other.decimalValue()) == 0
            ? 0
            : 1;

    private EventsDoc() {}

    /** Each event type's example JSON, by type name: the first json block under a heading "### TypeName". */
    static Map<String, String> examples() throws IOException {
        Map<String, String> examples = new LinkedHashMap<>();
        String type = null;
        StringBuilder json = null;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (json != null) {
                if (line.equals("```")) {
                    if (examples.put(type, json.toString()) != null) {
                        throw new IllegalStateException("two examples of " + type);
                    }
                    json = null;
                    type = null;
                } else {
                    json.append(line).append('\n');
                }
            } else if (line.startsWith("#")) {
                Matcher heading = TYPE_HEADING.matcher(line);
                type = heading.matches() ? heading.group(1) : null;
            } else if (line.equals("```json") && type != null) {
                json = new StringBuilder();
            }
        }
        return examples;
    }

    /** Every field's path, e.g. {@code act.occurredAt} or {@code offer.calculation.breakdown[].amount.pence}. */
    static Set<String> fieldPaths(JsonNode json) {
        Set<String> paths = new TreeSet<>();
        collect(json, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                paths.add(fieldPath);
                collect(field.getValue(), fieldPath, paths);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        }
    }
}
