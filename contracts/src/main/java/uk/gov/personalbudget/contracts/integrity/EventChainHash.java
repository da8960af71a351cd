package uk.gov.personalbudget.contracts.integrity;

import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * An event's hash in its budget's hash chain, written once for both services: budget-service computes it as it
 * stores each event, approval-service again from each record of the topic (docs/security.md, "Tamper evidence"):
 * <pre>
 * SHA-256( previous hash (32 bytes)
 *        || str(aggregate id) || int64(sequence) || str(event id) || str(aggregate type)
 *        || str(stored timestamp) || str(payload type) || str(payload revision) || bytes(payload) || bytes(meta-data) )
 * </pre>
 * where {@code bytes(x)} is x's length as a 4-byte big-endian integer followed by x (length -1 and nothing else
 * for null), {@code str(x)} is {@code bytes} of x's UTF-8 encoding, and {@code int64} is 8 bytes big-endian.
 * Written as lower-case hex. The inputs are the stored row's; on the topic, the record carries them (docs/events.md,
 * "Checking a record's hash").
 */
public final class EventChainHash {

    /** The previous hash of a budget's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    /** Every input of an event's hash but the previous hash, exactly as budget-service stored them. */
    public record Inputs(
            String aggregateId,
            long sequence,
            String eventId,
            String aggregateType,
            String timestamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {

        /**
         * The inputs a record of the budget events topic carries (docs/events.md, "Checking a record's hash"): its
         * value, and the headers budget-service copied from the stored row, read with {@code header} (a header's
         * text, or null when the record has none).
         *
         * @throws IllegalArgumentException naming what does not read: a required header missing, a sequence that
         *                                  is not a number, meta-data that is not Base64
         */
        public static Inputs fromRecord(Function<String, String> header, byte[] value) {
            String sequence = required(header, EventHeaders.AGGREGATE_SEQUENCE);
            String metaData = header.apply(EventHeaders.STORED_METADATA);
            return new Inputs(
                    required(header, EventHeaders.AGGREGATE_ID),
                    number(sequence),
                    required(header, EventHeaders.EVENT_ID),
                    required(header, EventHeaders.STORED_AGGREGATE_TYPE),
                    required(header, EventHeaders.STORED_TIMESTAMP),
                    required(header, EventHeaders.STORED_PAYLOAD_TYPE),
                    header.apply(EventHeaders.STORED_PAYLOAD_REVISION),
                    value,
                    metaData == null ? null : base64(metaData));
        }

        private static long number(String sequence) {
            try {
                return Long.parseLong(sequence);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(
                        "its " + EventHeaders.AGGREGATE_SEQUENCE + " " + sequence + " is not a number");
            }
        }

        private static byte[] base64(String metaData) {
            try {
                return Base64.getDecoder().decode(metaData);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException(
                        "its " + EventHeaders.STORED_METADATA + " is not Base64: " + notBase64.getMessage());
            }
        }

        private static String required(Function<String, String> header, String name) {
            String value = header.apply(name);
            if (value == null) {
                throw new IllegalArgumentException("it has no " + name + " header");
            }
            return value;
        }
    }

    private EventChainHash() {}

    /** Whether {@code text} is a hash as the chain writes one: 64 lower-case hex digits. */
    public static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The hash of the event with {@code inputs} chained to {@code previousHash} (64 hex digits). */
    public static String of(String previousHash, Inputs inputs) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        text(sha256, inputs.aggregateId());
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(inputs.sequence()).array());
        text(sha256, inputs.eventId());
        text(sha256, inputs.aggregateType());
        text(sha256, inputs.timestamp());
        text(sha256, inputs.payloadType());
        text(sha256, inputs.payloadRevision());
        bytes(sha256, inputs.payload());
        bytes(sha256, inputs.metaData());
        return HEX.formatHex(sha256.digest());
    }

    private static void text(MessageDigest digest, String value) {
        bytes(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? -1 : value.length)
                .array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
