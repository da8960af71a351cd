package uk.gov.personalbudget.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a schema may replace the one released for the same event type and revision (docs/events.md, "Revisions and
 * changes"): every record written to either must stay readable by a consumer of the other. So it may add optional
 * properties, enum values and looser bounds, but may not remove or rename a property, change a type (a nullable
 * field becoming non-nullable, or the reverse, included), require a property that was not required (or stop requiring
 * one), narrow an enum, or tighten a length, bound, item count, pattern or format.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /** What makes {@code now} incompatible with {@code released}, one line each; empty when it is compatible. */
    static List<String> incompatibilities(JsonNode released, JsonNode now) {
        List<String> found = new ArrayList<>();
        compare("$", released, now, found);
        return found;
    }

    private static void compare(String path, JsonNode released, JsonNode now, List<String> found) {
        Set<String> releasedTypes = texts(released.path("type"));
        Set<String> nowTypes = texts(now.path("type"));
        if (!releasedTypes.equals(nowTypes)) {
            found.add(path + ": type changed from " + releasedTypes + " to " + nowTypes);
            return;
        }
        for (String keyword : List.of("format", "pattern", "const")) {
            if (!Objects.equals(released.get(keyword), now.get(keyword))) {
                found.add(path + ": " + keyword + " changed from " + released.get(keyword) + " to " + now.get(keyword));
            }
        }
        if (released.has("enum") || now.has("enum")) {
            Set<String> releasedValues = texts(released.path("enum"));
            Set<String> nowValues = texts(now.path("enum"));
            if (!now.has("enum")) {
                // no enum now: any value, which is wider
            } else if (!released.has("enum") || !nowValues.containsAll(releasedValues)) {
                Set<String> removed = new HashSet<>(releasedValues);
                removed.removeAll(nowValues);
                found.add(path + ": enum narrowed" + (released.has("enum") ? ", without " + removed : ""));
            }
        }
        lowerBound(path, "minLength", released, now, found);
        lowerBound(path, "minItems", released, now, found);
        lowerBound(path, "minimum", released, now, found);
        upperBound(path, "maxLength", released, now, found);
        upperBound(path, "maxItems", released, now, found);
        upperBound(path, "maximum", released, now, found);

        Set<String> releasedRequired = texts(released.path("required"));
        Set<String> nowRequired = texts(now.path("required"));
        for (String name : nowRequired) {
            if (!releasedRequired.contains(name)) {
                found.add(path + "." + name + ": newly required");
            }
        }
        for (String name : releasedRequired) {
            if (!nowRequired.contains(name) && now.path("properties").has(name)) {
                found.add(path + "." + name + ": no longer required");
            }
        }
        released.path("properties").fields().forEachRemaining(property -> {
            JsonNode counterpart = now.path("properties").get(property.getKey());
            if (counterpart == null) {
                found.add(path + "." + property.getKey() + ": removed (or renamed)");
            } else {
                compare(path + "." + property.getKey(), property.getValue(), counterpart, found);
            }
        });
        if (released.has("items")) {
            compare(path + "[]", released.get("items"), now.path("items"), found);
        }
    }

    /** A lower bound may stay or fall (or go), never rise nor appear. */
    private static void lowerBound(String path, String keyword, JsonNode released, JsonNode now, List<String> found) {
        if (now.has(keyword)
                && (!released.has(keyword)
                        || now.get(keyword).asLong() > released.get(keyword).asLong())) {
            found.add(path + ": " + keyword + " raised from " + released.get(keyword) + " to " + now.get(keyword));
        }
    }

    /** An upper bound may stay or rise (or go), never fall nor appear. */
    private static void upperBound(String path, String keyword, JsonNode released, JsonNode now, List<String> found) {
        if (now.has(keyword)
                && (!released.has(keyword)
                        || now.get(keyword).asLong() < released.get(keyword).asLong())) {
            found.add(path + ": " + keyword + " lowered from " + released.get(keyword) + " to " + now.get(keyword));
        }
    }

    private static Set<String> texts(JsonNode node) {
        Set<String> texts = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.isNull() ? "null" : element.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
