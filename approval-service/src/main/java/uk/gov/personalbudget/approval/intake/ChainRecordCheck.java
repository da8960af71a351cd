package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.ChainLink;
import uk.gov.personalbudget.approval.projection.CheckedRecord;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.HoldReason;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.integrity.EventChainHash;

import java.time.Clock;
import java.time.Instant;

/**
 * Checks a record against its own {@code event-hash} before it is read (docs/events.md, "Checking a record's
 * hash"): the hash recomputed from the record's value and headers must be the hash it carries, and the headers the
 * projections read (key, sequence, event id, type, timestamp) must be the ones hashed. A record that fails is held
 * back unread, so a forged value that does not even parse cannot stall the intake. The link to the budget's last
 * projected event is checked when the batch is stored ({@code ProjectionWriter}).
 * <p>
 * A record without {@code event-hash} is what budget-service publishes for an event stored before its hash chain
 * began (a legacy event). It is read as such while {@code approval.intake.unhashed-records} is {@code accept}
 * (the default), and only while its budget's chain has not begun; with {@code hold}, every such record is held back.
 */
@Component
class ChainRecordCheck {

    private final EventRecordReader reader;
    private final boolean acceptUnhashed;
    private final Clock clock;

    ChainRecordCheck(
            EventRecordReader reader,
            @Value("${approval.intake.unhashed-records:accept}") String unhashed,
            Clock clock) {
        this.reader = reader;
        this.acceptUnhashed =
                UnhashedRecords.valueOf(unhashed.trim().toUpperCase(java.util.Locale.ROOT)) == UnhashedRecords.ACCEPT;
        this.clock = clock;
    }

    /** What to do with records that carry no {@code event-hash}. */
    public enum UnhashedRecords {
        /** Read them as legacy events while their budget's chain has not begun. */
        ACCEPT,
        /** Hold every one back. */
        HOLD
    }

    public CheckedRecord check(ConsumerRecord<String, byte[]> record) {
        EventRecordHeaders headers = EventRecordHeaders.of(record);
        String hash = headers.get(EventHeaders.EVENT_HASH);
        if (hash == null) {
            if (!acceptUnhashed) {
                return held(
                        record,
                        headers,
                        HoldReason.UNHASHED,
                        "the record has no event-hash, and records without one are "
                                + "not accepted (approval.intake.unhashed-records)");
            }
            EventEnvelope envelope = reader.read(record, headers, null);
            EventChainHash.Inputs inputs;
            try {
                inputs = inputs(record, headers);
            } catch (IncompleteRecord incomplete) {
                inputs = null;
            }
            return CheckedRecord.of(envelope, ChainLink.legacy(inputs), position(record));
        }
        String previousHash = headers.get(EventHeaders.EVENT_PREVIOUS_HASH);
        EventChainHash.Inputs inputs;
        try {
            if (!EventChainHash.isHash(hash) || !EventChainHash.isHash(previousHash)) {
                throw new IncompleteRecord("its event-hash or event-previous-hash is missing or not 64 hex digits");
            }
            inputs = inputs(record, headers);
        } catch (IncompleteRecord incomplete) {
            return held(record, headers, HoldReason.INCOMPLETE, incomplete.getMessage());
        }
        String recomputed = EventChainHash.of(previousHash, inputs);
        if (!recomputed.equals(hash)) {
            return held(
                    record,
                    headers,
                    HoldReason.CONTENT,
                    "the hash recomputed from the record, " + recomputed + ", is not its event-hash " + hash
                            + ": its value or headers were changed");
        }
        Instant timestamp;
        try {
            timestamp = checkedTimestamp(record, headers, inputs);
        } catch (Mismatch mismatch) {
            return held(record, headers, HoldReason.CONTENT, mismatch.getMessage());
        }
        return CheckedRecord.of(
                reader.read(record, headers, timestamp), ChainLink.hashed(hash, previousHash), position(record));
    }

    /** The hash's inputs from the record: its value, and its headers exactly as budget-service stored them. */
    private static EventChainHash.Inputs inputs(ConsumerRecord<String, byte[]> record, EventRecordHeaders headers) {
        try {
            return EventChainHash.Inputs.fromRecord(headers::get, record.value());
        } catch (IllegalArgumentException unreadable) {
            throw new IncompleteRecord(unreadable.getMessage());
        }
    }

    /**
     * The headers the projections read but the hash does not cover must say what the hashed ones say; the record's
     * {@code event-timestamp}, parsed once here for the reader.
     */
    private static Instant checkedTimestamp(
            ConsumerRecord<String, byte[]> record, EventRecordHeaders headers, EventChainHash.Inputs inputs) {
        if (!inputs.aggregateId().equals(record.key())) {
            throw new Mismatch("its key " + record.key() + " is not its hashed aggregate-id " + inputs.aggregateId());
        }
        String type = headers.get(EventHeaders.EVENT_TYPE);
        String payloadType = inputs.payloadType();
        if (type == null || !payloadType.equals(type) && !payloadType.endsWith("." + type)) {
            throw new Mismatch("its event-type " + type + " is not its hashed payload type " + payloadType);
        }
        String timestamp = headers.get(EventHeaders.EVENT_TIMESTAMP);
        try {
            Instant parsed = EventTimestamps.parse(timestamp);
            // The same text is the same instant: parsed once.
            if (timestamp.equals(inputs.timestamp()) || parsed.equals(EventTimestamps.parse(inputs.timestamp()))) {
                return parsed;
            }
        } catch (RuntimeException unreadable) {
            // Unreadable as an instant: a mismatch, as below.
        }
        throw new Mismatch("its event-timestamp " + timestamp + " is not its hashed timestamp " + inputs.timestamp());
    }

    private HeldBackRecord heldBackRecord(
            ConsumerRecord<String, byte[]> record, EventRecordHeaders headers, HoldReason reason, String detail) {
        Long sequence;
        try {
            String claimed = headers.get(EventHeaders.AGGREGATE_SEQUENCE);
            sequence = claimed == null ? null : Long.parseLong(claimed);
        } catch (NumberFormatException notANumber) {
            sequence = null;
        }
        return new HeldBackRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                sequence,
                headers.get(EventHeaders.EVENT_ID),
                headers.get(EventHeaders.EVENT_TYPE),
                reason,
                detail,
                clock.instant());
    }

    private CheckedRecord held(
            ConsumerRecord<String, byte[]> record, EventRecordHeaders headers, HoldReason reason, String detail) {
        return CheckedRecord.heldBack(heldBackRecord(record, headers, reason, detail));
    }

    private static CheckedRecord.Position position(ConsumerRecord<String, byte[]> record) {
        return new CheckedRecord.Position(record.topic(), record.partition(), record.offset());
    }

    /** A header the projections read says something else than the hashed one. */
    private static final class Mismatch extends RuntimeException {

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private static final class IncompleteRecord extends RuntimeException {

        IncompleteRecord(String message) {
            super(message, null, false, false);
        }
    }
}
