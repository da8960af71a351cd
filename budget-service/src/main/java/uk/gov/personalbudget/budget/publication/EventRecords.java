package uk.gov.personalbudget.budget.publication;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import uk.gov.personalbudget.budget.integrity.ChainedEvent;
import uk.gov.personalbudget.budget.integrity.StoredEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How one stored event becomes one Kafka record (docs/events.md is the consumers' description of it): key the
 * budget id, value the event's JSON as the event store holds it, and headers as UTF-8 strings.
 */
final class EventRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private EventRecords() {}

    /**
     * The record for {@code event}. Serializing with the event store's own serializer returns the stored bytes as
     * they are, so consumers read exactly what the store holds.
     *
     * @param hash the event's stored hash; null for an event stored before the hash chain began
     */
    public static ProducerRecord<String, byte[]> of(
            String topic, DomainEventMessage<?> event, Serializer eventSerializer, String hash) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        return of(topic, event, payload.getData(), payload.getType().getRevision(), hash, traceParentOf(event));
    }

    /**
     * The record for {@code event} as stored in {@code stored}: its value the stored payload bytes, and besides the
     * usual headers its place in the chain and every other input of its hash, exactly as stored, so a consumer can
     * recompute the hash from the record alone (docs/events.md, "Checking a record's hash"). A legacy event has no
     * hash and no previous hash, but its inputs still: a consumer needs them to follow the chain that the first
     * hashed event continues.
     */
    public static ProducerRecord<String, byte[]> of(String topic, DomainEventMessage<?> event, ChainedEvent stored) {
        StoredEvent row = stored.event();
        String traceParent = storedTraceParent(row.metaData()).orElseGet(() -> traceParentOf(event));
        ProducerRecord<String, byte[]> record =
                of(topic, event, row.payload(), row.payloadRevision(), stored.hash(), traceParent);
        RecordHeaders headers = (RecordHeaders) record.headers();
        if (stored.hash() != null) {
            add(headers, EventHeaders.EVENT_PREVIOUS_HASH, stored.previousHash());
        }
        add(headers, EventHeaders.STORED_AGGREGATE_TYPE, row.type());
        add(headers, EventHeaders.STORED_TIMESTAMP, row.timestamp());
        add(headers, EventHeaders.STORED_PAYLOAD_TYPE, row.payloadType());
        if (row.payloadRevision() != null) {
            add(headers, EventHeaders.STORED_PAYLOAD_REVISION, row.payloadRevision());
        }
        if (row.metaData() != null) {
            add(headers, EventHeaders.STORED_METADATA, Base64.getEncoder().encodeToString(row.metaData()));
        }
        return record;
    }

    /**
     * @param revision the revision {@code json} has (null: the first), which is its stored revision: an event stored
     *                 long ago keeps its revision on the topic, however the services read it now
     */
    private static ProducerRecord<String, byte[]> of(
            String topic, DomainEventMessage<?> event, byte[] json, String revision, String hash, String traceParent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_TYPE, event.getPayloadType().getSimpleName());
        add(headers, EventHeaders.EVENT_REVISION, revision == null ? BudgetEventTypes.FIRST_REVISION : revision);
        add(headers, EventHeaders.EVENT_ID, event.getIdentifier());
        add(headers, EventHeaders.AGGREGATE_ID, event.getAggregateIdentifier());
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        add(headers, EventHeaders.EVENT_TIMESTAMP, event.getTimestamp().toString());
        if (hash != null) {
            add(headers, EventHeaders.EVENT_HASH, hash);
        }
        add(headers, EventHeaders.TRACEPARENT, traceParent);
        return new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), json, headers);
    }

    private static String traceParentOf(DomainEventMessage<?> event) {
        return event.getMetaData().get(EventHeaders.TRACEPARENT) instanceof String traceParent ? traceParent : null;
    }

    /**
     * The {@code traceparent} of stored meta-data, found in its JSON object's top-level fields. Axon's own reading
     * deserializes the whole map for it (a sixth of publication's CPU); empty when the bytes are not such an object,
     * and then the event's meta-data is asked.
     */
    static Optional<String> storedTraceParent(byte[] metaData) {
        if (metaData == null) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (EventHeaders.TRACEPARENT.equals(field)) {
                    return value == JsonToken.VALUE_STRING && !parser.getText().isEmpty()
                            ? Optional.of(parser.getText())
                            : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value == null) {
            return;
        }
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
