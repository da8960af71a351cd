package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.support.events.EventRevisions;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads one record of the budget events topic (format: docs/events.md) into an {@link EventEnvelope}, bringing an
 * event of an earlier revision to its type's revision now ({@link EventRevisions}: the hash chain was checked over the
 * bytes as published, before). A record it cannot read, of a later revision than it knows included, is an error, never
 * skipped or guessed at: that would silently lose a step of someone's trail.
 */
@Component
class EventRecordReader {

    private final ObjectMapper objectMapper;
    /** One reader per event class, made once: finding the deserializer is the costly part of a small read. */
    private final ClassValue<ObjectReader> readers;

    EventRecordReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.readers = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return objectMapper.readerFor(type);
            }
        };
    }

    public EventEnvelope read(ConsumerRecord<String, byte[]> record) {
        return read(record, EventRecordHeaders.of(record), null);
    }

    /**
     * Reads the record whose headers are already decoded; {@code timestamp} is its {@code event-timestamp} when
     * already parsed (null: parse it here).
     */
    EventEnvelope read(ConsumerRecord<String, byte[]> record, EventRecordHeaders headers, Instant timestamp) {
        String type = header(record, headers, EventHeaders.EVENT_TYPE);
        String revision = header(record, headers, EventHeaders.EVENT_REVISION);
        Class<? extends BudgetEvent> eventClass = BudgetEventTypes.byName(type)
                .orElseThrow(() -> new UnreadableEventRecord(record, "unknown event type " + type));
        try {
            BudgetEvent event;
            if (revision.equals(BudgetEventTypes.revisionOf(eventClass))) {
                // Of the revision now: read straight to the record class, in one pass.
                event = readers.get(eventClass).readValue(record.value());
            } else {
                JsonNode json = EventRevisions.toCurrent(eventClass, revision, objectMapper.readTree(record.value()))
                        .orElseThrow(() -> new UnreadableEventRecord(
                                record, "revision " + revision + " of " + type + " is not supported"));
                event = objectMapper.treeToValue(json, eventClass);
            }
            return new EventEnvelope(
                    header(record, headers, EventHeaders.EVENT_ID),
                    new BudgetId(record.key()),
                    Long.parseLong(header(record, headers, EventHeaders.AGGREGATE_SEQUENCE)),
                    timestamp != null
                            ? timestamp
                            : EventTimestamps.parse(header(record, headers, EventHeaders.EVENT_TIMESTAMP)),
                    event);
        } catch (UnreadableEventRecord unreadable) {
            throw unreadable;
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableEventRecord(record, unreadable.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, EventRecordHeaders headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            throw new UnreadableEventRecord(record, "no " + name + " header");
        }
        return value;
    }

    /** A record that does not follow the topic's format. */
    public static class UnreadableEventRecord extends RuntimeException {

        UnreadableEventRecord(ConsumerRecord<?, ?> record, String reason) {
            super("cannot read " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
        }
    }
}
