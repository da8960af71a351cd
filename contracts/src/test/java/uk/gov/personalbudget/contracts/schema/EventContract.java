package uk.gov.personalbudget.contracts.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic's contract as files in contracts' resources: the released JSON Schema of every event type and revision
 * ({@code event-schemas/<type>-<revision>.json}), and the AsyncAPI 3.0 document made from them with the key and the
 * headers ({@code asyncapi/personal-budget-events.json}). The schemas of the revisions written now are generated
 * from the records ({@link EventSchemaGenerator}); earlier revisions are kept as they were released.
 */
final class EventContract {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path RELEASED = RESOURCES.resolve("event-schemas");
    static final Path DOCUMENT = RESOURCES.resolve("asyncapi/personal-budget-events.json");
    static final String TOPIC = "personal-budget-events";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String DIGITS = "^[1-9][0-9]*$";
    private static final String HASH = "^[0-9a-f]{64}$";

    /**
     * Every header a record may carry, in the order docs/events.md lists them, with its schema and whether every
     * record has it. {@link EventContractTest} fails when {@link EventHeaders} names one that is missing here.
     */
    static final Map<String, Header> HEADERS = headers();

    record Header(ObjectNode schema, boolean always) {}

    private EventContract() {}

    static String fileName(Class<? extends BudgetEvent> type, int revision) {
        return type.getSimpleName() + "-" + revision + ".json";
    }

    static int currentRevision(Class<? extends BudgetEvent> type) {
        return Integer.parseInt(BudgetEventTypes.revisionOf(type));
    }

    static ObjectNode generated(Class<? extends BudgetEvent> type) {
        return EventSchemaGenerator.schemaOf(type, BudgetEventTypes.revisionOf(type));
    }

    static Optional<ObjectNode> released(Path directory, Class<? extends BudgetEvent> type, int revision) {
        Path file = directory.resolve(fileName(type, revision));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) MAPPER.readTree(file.toFile()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static String text(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(json) + "\n";
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    static void write(Path file, ObjectNode json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(json), StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** The AsyncAPI document over the released schemas in {@code directory}: one message per type and revision. */
    static ObjectNode document(Path directory) {
        ObjectNode document = JSON.objectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Personal budget events");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Every event of every personal budget, in the order each budget's events happened, kept forever."
                        + " The value is the event's JSON exactly as budget-service stored it, at the revision it was"
                        + " stored with (header event-revision): read the schema of its event-type and event-revision."
                        + " Ignore fields you do not know; hold back a record whose revision you do not know."
                        + " docs/events.md describes every field.");
        document.put("defaultContentType", "application/json");

        ObjectNode channel = document.putObject("channels").putObject("personalBudgetEvents");
        channel.put("address", TOPIC);
        channel.put(
                "description",
                "Key: the budget id. One budget's records are all in one partition, in aggregate-sequence order;"
                        + " delivery is at least once.");
        ObjectNode channelMessages = channel.putObject("messages");
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("partitions", 4);
        ObjectNode topicConfiguration = kafka.putObject("topicConfiguration");
        topicConfiguration.putArray("cleanup.policy").add("delete");
        topicConfiguration.put("retention.ms", -1);
        topicConfiguration.put("retention.bytes", -1);
        kafka.put("bindingVersion", "0.5.0");

        ObjectNode operation = document.putObject("operations").putObject("receiveBudgetEvents");
        operation.put("action", "receive");
        operation.putObject("channel").put("$ref", "#/channels/personalBudgetEvents");
        ArrayNode operationMessages = operation.putArray("messages");

        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (Class<? extends BudgetEvent> type : BudgetEventTypes.ALL) {
            for (int revision = 1; revision <= currentRevision(type); revision++) {
                String key = type.getSimpleName() + "-" + revision;
                int current = revision;
                ObjectNode payload = released(directory, type, revision)
                        .orElseThrow(() -> new IllegalStateException("no released schema " + fileName(type, current)))
                        .deepCopy();
                payload.remove("$schema");
                ObjectNode message = messages.putObject(key);
                message.put("name", type.getSimpleName());
                message.put("title", type.getSimpleName() + " revision " + revision);
                message.set("headers", headersSchema(type, revision));
                message.set("payload", payload);
                ObjectNode binding = message.putObject("bindings").putObject("kafka");
                binding.set("key", keySchema());
                binding.put("bindingVersion", "0.5.0");
                channelMessages.putObject(key).put("$ref", "#/components/messages/" + key);
                operationMessages.addObject().put("$ref", "#/channels/personalBudgetEvents/messages/" + key);
            }
        }
        return document;
    }

    static ObjectNode keySchema() {
        return JSON.objectNode()
                .put("type", "string")
                .put("pattern", "^(?:" + BudgetId.PATTERN + ")$")
                .put("description", "the budget id, as UTF-8");
    }

    /** The headers of a record of {@code type} at {@code revision}, each a UTF-8 string. */
    static ObjectNode headersSchema(Class<? extends BudgetEvent> type, int revision) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        HEADERS.forEach((name, header) -> {
            properties.set(name, header.schema().deepCopy());
            if (header.always()) {
                required.add(name);
            }
        });
        ((ObjectNode) properties.get(EventHeaders.EVENT_TYPE)).put("const", type.getSimpleName());
        ((ObjectNode) properties.get(EventHeaders.EVENT_REVISION)).put("const", Integer.toString(revision));
        ObjectNode storedRevision = (ObjectNode) properties.get(EventHeaders.STORED_PAYLOAD_REVISION);
        if (revision == 1) {
            // The first revision is stored as no revision at all.
            storedRevision.put("const", "1");
        } else {
            storedRevision.put("const", Integer.toString(revision));
            required.add(EventHeaders.STORED_PAYLOAD_REVISION);
        }
        schema.set("required", required);
        return schema;
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(
                EventHeaders.EVENT_TYPE,
                always(string("the event's type: the simple name of its record in contracts")));
        headers.put(
                EventHeaders.EVENT_REVISION,
                always(string("the revision of that type's JSON the value has").put("pattern", DIGITS)));
        headers.put(
                EventHeaders.EVENT_ID, always(string("the event's unique id").put("minLength", 1)));
        headers.put(
                EventHeaders.AGGREGATE_ID,
                always(string("the budget id, the same as the key").put("pattern", "^(?:" + BudgetId.PATTERN + ")$")));
        headers.put(
                EventHeaders.AGGREGATE_SEQUENCE,
                always(string("the event's position in its budget's history, from 0 with no gaps")
                        .put("pattern", "^(?:0|[1-9][0-9]*)$")));
        headers.put(
                EventHeaders.EVENT_TIMESTAMP,
                always(string("when the event was stored, ISO-8601 UTC").put("format", "date-time")));
        headers.put(
                EventHeaders.EVENT_HASH,
                optional(string("the event's hash in its budget's hash chain; absent on events stored before the"
                                + " chain began")
                        .put("pattern", HASH)));
        headers.put(
                EventHeaders.TRACEPARENT,
                optional(string("the W3C trace context of the event's publication; absent on events stored without"
                                + " one")
                        .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")));
        headers.put(
                EventHeaders.EVENT_PREVIOUS_HASH,
                optional(string("the hash of the budget's event before it (64 zeros for its first); with event-hash"
                                + " only")
                        .put("pattern", HASH)));
        headers.put(
                EventHeaders.STORED_AGGREGATE_TYPE,
                always(string("the aggregate type as stored, an input of the hash")
                        .put("minLength", 1)));
        headers.put(
                EventHeaders.STORED_TIMESTAMP,
                always(string("the timestamp exactly as stored, an input of the hash")
                        .put("minLength", 1)));
        headers.put(
                EventHeaders.STORED_PAYLOAD_TYPE,
                always(string("the payload's class name as stored, an input of the hash")
                        .put("pattern", "^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$")));
        headers.put(
                EventHeaders.STORED_PAYLOAD_REVISION,
                optional(string("the payload revision as stored, an input of the hash; absent for revision 1")
                        .put("pattern", DIGITS)));
        headers.put(
                EventHeaders.STORED_METADATA,
                optional(string("the event's stored meta-data bytes, base64, an input of the hash")
                        .put("pattern", "^[A-Za-z0-9+/]*={0,2}$")));
        return headers;
    }

    /** The names {@link EventHeaders} declares. */
    static List<String> declaredHeaders() {
        List<String> names = new ArrayList<>();
        for (Field field : EventHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException unreadable) {
                    throw new IllegalStateException(unreadable);
                }
            }
        }
        return names;
    }

    private static ObjectNode string(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }

    private static Header always(ObjectNode schema) {
        return new Header(schema, true);
    }

    private static Header optional(ObjectNode schema) {
        return new Header(schema, false);
    }
}
