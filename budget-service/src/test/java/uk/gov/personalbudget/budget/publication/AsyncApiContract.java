package uk.gov.personalbudget.budget.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks records of the topic against the AsyncAPI document (contracts' {@code personal-budget-events.json}) with
 * networknt's JSON Schema validator: the value against the payload schema of the message for its {@code event-type}
 * and {@code event-revision}, the headers against that message's headers schema, the key against its key schema. The
 * payload schemas are made strict here (no property they do not declare), so that a field the document misses fails.
 */
final class AsyncApiContract {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode messages;
    private final ObjectMapper json;

    AsyncApiContract(JsonNode document, ObjectMapper json) {
        this.messages = document.path("components").path("messages");
        this.json = json;
    }

    /** What in {@code record} the document does not allow, one line each; empty when it conforms. */
    List<String> violations(ConsumerRecord<String, byte[]> record) throws IOException {
        String type = text(record, "event-type");
        String revision = text(record, "event-revision");
        String where = type + " revision " + revision + " at " + record.partition() + "@" + record.offset() + ": ";
        JsonNode message = messages.get(type + "-" + revision);
        if (message == null) {
            return List.of(where + "no message in the document");
        }
        ObjectNode headers = json.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        List<String> violations = new ArrayList<>();
        check(where + "value ", strict(message.get("payload").deepCopy()), json.readTree(record.value()), violations);
        check(where + "headers ", message.get("headers"), headers, violations);
        check(
                where + "key ",
                message.path("bindings").path("kafka").get("key"),
                json.getNodeFactory().textNode(record.key()),
                violations);
        return violations;
    }

    private static void check(String what, JsonNode schema, JsonNode instance, List<String> violations) {
        JsonSchema validator = SCHEMAS.getSchema(schema, CONFIG);
        for (ValidationMessage message : validator.validate(instance)) {
            violations.add(what + message.getMessage());
        }
    }

    /** The schema with {@code additionalProperties: false} on every object in it. */
    private static JsonNode strict(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(AsyncApiContract::strict);
        } else if (schema.isArray()) {
            schema.forEach(AsyncApiContract::strict);
        }
        return schema;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
