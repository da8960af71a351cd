package uk.gov.personalbudget.budget.access;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Where things are in a JSON body (as JSON pointers), and copies of it with one of them changed. */
public final class JsonPaths {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonPaths() {}

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Every node below the root. */
    public static List<JsonPointer> values(JsonNode root) {
        return matching(root, node -> true, false);
    }

    /** Every object, the root included. */
    public static List<JsonPointer> objects(JsonNode root) {
        return matching(root, JsonNode::isObject, true);
    }

    public static List<JsonPointer> strings(JsonNode root) {
        return matching(root, JsonNode::isTextual, false);
    }

    /** Every amount of money: an object with {@code pence} and {@code period}. */
    public static List<JsonPointer> money(JsonNode root) {
        return matching(root, node -> node.isObject() && node.has("pence") && node.has("period"), false);
    }

    /** Every string that is an ISO-8601 instant. */
    public static List<JsonPointer> instants(JsonNode root) {
        return matching(root, node -> node.isTextual() && isInstant(node.textValue()), false);
    }

    /** {@code root} with the node at {@code at} replaced by {@code rawJson}. */
    public static String with(JsonNode root, JsonPointer at, String rawJson) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(at.head());
        JsonNode value = read(rawJson);
        if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), value);
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
        }
        return copy.toString();
    }

    /** {@code root} without the field at {@code at}. */
    public static String without(JsonNode root, JsonPointer at) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) copy.at(at.head())).remove(at.last().getMatchingProperty());
        return copy.toString();
    }

    /** {@code root} with one more field, {@code name}, in the object at {@code at}. */
    public static String withField(JsonNode root, JsonPointer at, String name, String rawJson) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) copy.at(at)).set(name, read(rawJson));
        return copy.toString();
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    private static List<JsonPointer> matching(JsonNode root, Predicate<JsonNode> wanted, boolean withRoot) {
        List<JsonPointer> found = new ArrayList<>();
        collect(root, JsonPointer.empty(), wanted, found);
        if (!withRoot) {
            found.remove(JsonPointer.empty());
        }
        return found;
    }

    private static void collect(JsonNode node, JsonPointer at, Predicate<JsonNode> wanted, List<JsonPointer> found) {
        if (wanted.test(node)) {
            found.add(at);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(node.get(name), at.appendProperty(name), wanted, found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), wanted, found);
            }
        }
    }
}
