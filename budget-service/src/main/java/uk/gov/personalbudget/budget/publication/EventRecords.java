package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;

import java.nio.charset.StandardCharsets;

/**
 * How one stored event becomes one Kafka record (docs/events.md is the consumers' description of it): key the
 * budget id, value the event's JSON as the event store holds it, and headers as UTF-8 strings.
 */
public final class EventRecords {

    /** The event's type, the simple name of its contracts record, e.g. {@code BudgetOffered}. */
    public static final String EVENT_TYPE = "event-type";
    /** The schema revision of that type's JSON ({@link BudgetEventTypes#REVISION}). */
    public static final String EVENT_REVISION = "event-revision";
    /** The event's unique id (Axon's message identifier): the key to deduplicate on. */
    public static final String EVENT_ID = "event-id";
    /** The budget id, the same as the record key. */
    public static final String AGGREGATE_ID = "aggregate-id";
    /** The event's position in its budget's history, from 0 with no gaps. */
    public static final String AGGREGATE_SEQUENCE = "aggregate-sequence";
    /** When the event was stored, an ISO-8601 UTC instant. */
    public static final String EVENT_TIMESTAMP = "event-timestamp";
    /** The W3C trace context of the request that caused the event, when it carries one. */
    public static final String TRACEPARENT = TraceParent.METADATA_KEY;

    private EventRecords() {
    }

    /**
     * The record for {@code event}. Serializing with the event store's own serializer returns the stored bytes as
     * they are, so consumers read exactly what the store holds.
     */
    public static ProducerRecord<String, byte[]> of(String topic, DomainEventMessage<?> event, Serializer eventSerializer) {
        byte[] json = event.serializePayload(eventSerializer, byte[].class).getData();
        RecordHeaders headers = new RecordHeaders();
        add(headers, EVENT_TYPE, event.getPayloadType().getSimpleName());
        add(headers, EVENT_REVISION, BudgetEventTypes.REVISION);
        add(headers, EVENT_ID, event.getIdentifier());
        add(headers, AGGREGATE_ID, event.getAggregateIdentifier());
        add(headers, AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        add(headers, EVENT_TIMESTAMP, event.getTimestamp().toString());
        if (event.getMetaData().get(TRACEPARENT) instanceof String traceParent) {
            add(headers, TRACEPARENT, traceParent);
        }
        return new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), json, headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
