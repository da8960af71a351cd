package uk.gov.personalbudget.budget.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An event's hash in its budget's hash chain (docs/security.md, "Tamper evidence"):
 * <pre>
 * SHA-256( previous hash (32 bytes)
 *        || str(aggregate_identifier) || int64(sequence_number) || str(event_identifier) || str(type)
 *        || str(time_stamp) || str(payload_type) || str(payload_revision) || bytes(payload) || bytes(meta_data) )
 * </pre>
 * where {@code bytes(x)} is x's length as a 4-byte big-endian integer followed by x (length -1 and nothing else
 * for null), {@code str(x)} is {@code bytes} of x's UTF-8 encoding, and {@code int64} is 8 bytes big-endian. The
 * lengths make the encoding unambiguous: no two different rows give the same input. Written as lower-case hex.
 */
public final class EventHash {

    /** The previous hash of a budget's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private EventHash() {
    }

    /** The hash of {@code event} chained to {@code previousHash} (64 hex digits). */
    public static String of(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        text(sha256, event.aggregateIdentifier());
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        text(sha256, event.eventIdentifier());
        text(sha256, event.type());
        text(sha256, event.timestamp());
        text(sha256, event.payloadType());
        text(sha256, event.payloadRevision());
        bytes(sha256, event.payload());
        bytes(sha256, event.metaData());
        return HEX.formatHex(sha256.digest());
    }

    private static void text(MessageDigest digest, String value) {
        bytes(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
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
