package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers of a budget events record that the intake reads (docs/events.md), decoded once in one pass over the
 * record's headers, so the hash check, the reader and the tracing do not each search and decode them again. As
 * {@code Headers.lastHeader}, the last header of a name wins; a header without a value counts as absent.
 */
final class EventRecordHeaders {

    private static final String[] NAMES = {
        EventHeaders.EVENT_TYPE,
        EventHeaders.EVENT_REVISION,
        EventHeaders.EVENT_ID,
        EventHeaders.AGGREGATE_ID,
        EventHeaders.AGGREGATE_SEQUENCE,
        EventHeaders.EVENT_TIMESTAMP,
        EventHeaders.EVENT_HASH,
        EventHeaders.EVENT_PREVIOUS_HASH,
        EventHeaders.STORED_AGGREGATE_TYPE,
        EventHeaders.STORED_TIMESTAMP,
        EventHeaders.STORED_PAYLOAD_TYPE,
        EventHeaders.STORED_PAYLOAD_REVISION,
        EventHeaders.STORED_METADATA
    };

    private final String[] values = new String[NAMES.length];

    private EventRecordHeaders() {}

    static EventRecordHeaders of(ConsumerRecord<?, ?> record) {
        EventRecordHeaders headers = new EventRecordHeaders();
        byte[][] raw = new byte[NAMES.length][];
        for (Header header : record.headers()) {
            int index = indexOf(header.key());
            if (index >= 0) {
                raw[index] = header.value();
            }
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (raw[i] != null) {
                headers.values[i] = new String(raw[i], StandardCharsets.UTF_8);
            }
        }
        return headers;
    }

    private static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The header's value as UTF-8 text; null if the record has no such header or it has no value. */
    String get(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("header " + name + " is not one the intake reads");
        }
        return values[index];
    }
}
