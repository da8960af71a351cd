package uk.gov.personalbudget.budget.publication;

import uk.gov.personalbudget.contracts.event.EventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;

import java.nio.charset.StandardCharsets;

/**
 * How one stored event becomes one Kafka record (docs/events.md is the consumers' description of it): key the
 * budget id, value the event's JSON as the event store holds it, and headers as UTF-8 strings.
 */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * The record for {@code event}. Serializing with the event store's own serializer returns the stored bytes as
     * they are, so consumers read exactly what the store holds.
     *
     * @param hash the event's stored hash; null for an event stored before the hash chain began
     */
    public static ProducerRecord<String, byte[]> of(String topic, DomainEventMessage<?> event, Serializer eventSerializer,
            String hash) {
        byte[] json = event.serializePayload(eventSerializer, byte[].class).getData();
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_TYPE, event.getPayloadType().getSimpleName());
        add(headers, EventHeaders.EVENT_REVISION, BudgetEventTypes.REVISION);
        add(headers, EventHeaders.EVENT_ID, event.getIdentifier());
        add(headers, EventHeaders.AGGREGATE_ID, event.getAggregateIdentifier());
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(event.getSequenceNumber()));
        add(headers, EventHeaders.EVENT_TIMESTAMP, event.getTimestamp().toString());
        if (hash != null) {
            add(headers, EventHeaders.EVENT_HASH, hash);
        }
        if (event.getMetaData().get(EventHeaders.TRACEPARENT) instanceof String traceParent) {
            add(headers, EventHeaders.TRACEPARENT, traceParent);
        }
        return new ProducerRecord<>(topic, null, event.getAggregateIdentifier(), json, headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
