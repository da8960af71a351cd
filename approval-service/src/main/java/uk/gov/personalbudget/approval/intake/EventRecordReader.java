package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads one record of the budget events topic (format: docs/events.md) into an {@link EventEnvelope}. A
 * record it cannot read is an error, never skipped: skipping would silently lose a step of someone's trail.
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
        if (!BudgetEventTypes.REVISION.equals(revision)) {
            throw new UnreadableEventRecord(record, "revision " + revision + " of " + type + " is not supported");
        }
        Class<? extends BudgetEvent> eventClass = BudgetEventTypes.byName(type)
                .orElseThrow(() -> new UnreadableEventRecord(record, "unknown event type " + type));
        try {
            BudgetEvent event = objectMapper.readValue(record.value(), eventClass);
            return new EventEnvelope(
                    header(record, EventHeaders.EVENT_ID),
                    new BudgetId(record.key()),
                    Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE)),
                    Instant.parse(header(record, EventHeaders.EVENT_TIMESTAMP)),
                    event);
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
