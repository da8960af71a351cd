package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.support.events.EventRevisions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    EventRecordReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public EventEnvelope read(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        String revision = header(record, EventHeaders.EVENT_REVISION);
        Class<? extends BudgetEvent> eventClass = BudgetEventTypes.byName(type)
                .orElseThrow(() -> new UnreadableEventRecord(record, "unknown event type " + type));
        try {
            JsonNode json = EventRevisions.toCurrent(eventClass, revision, objectMapper.readTree(record.value()))
                    .orElseThrow(() -> new UnreadableEventRecord(
                            record, "revision " + revision + " of " + type + " is not supported"));
            BudgetEvent event = objectMapper.treeToValue(json, eventClass);
            return new EventEnvelope(
                    header(record, EventHeaders.EVENT_ID),
                    new BudgetId(record.key()),
                    Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE)),
                    Instant.parse(header(record, EventHeaders.EVENT_TIMESTAMP)),
                    event);
        } catch (UnreadableEventRecord unreadable) {
            throw unreadable;
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadableEventRecord(record, unreadable.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new UnreadableEventRecord(record, "no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that does not follow the topic's format. */
    public static class UnreadableEventRecord extends RuntimeException {

        UnreadableEventRecord(ConsumerRecord<?, ?> record, String reason) {
            super("cannot read " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
        }
    }
}
