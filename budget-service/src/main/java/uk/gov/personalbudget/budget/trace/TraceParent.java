package uk.gov.personalbudget.budget.trace;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} value (https://www.w3.org/TR/trace-context/#traceparent-header):
 * {@code version-traceid-parentid-flags}, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
 * Every command carries one in its metadata under {@link #METADATA_KEY}; Axon copies it to the command's events,
 * and publication puts it on their Kafka records.
 */
public record TraceParent(String value) {

    /** The metadata key of commands and events, and the HTTP and Kafka header name. */
    public static final String METADATA_KEY = "traceparent";

    /** Version 00 has exactly these four fields; a later version may append more, which we pass on unread. */
    private static final Pattern FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);
    /** Sampled: we record no spans ourselves, but a downstream tracer may, and should not drop the trace. */
    private static final String SAMPLED = "01";

    public TraceParent {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a W3C traceparent: " + value);
        }
    }

    /** The given header value when it is a valid traceparent, otherwise a new trace. */
    public static TraceParent fromHeaderOrNew(String header) {
        return parse(header).orElseGet(TraceParent::random);
    }

    public static Optional<TraceParent> parse(String header) {
        return header != null && isValid(header) ? Optional.of(new TraceParent(header)) : Optional.empty();
    }

    /** A new trace: random trace and parent ids, the way W3C asks a system that starts a trace to make them. */
    public static TraceParent random() {
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId;
        String parentId;
        do {
            traceId = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
        } while (traceId.equals(ZERO_TRACE_ID));
        do {
            parentId = hex.toHexDigits(random.nextLong());
        } while (parentId.equals(ZERO_PARENT_ID));
        return new TraceParent("00-" + traceId + "-" + parentId + "-" + SAMPLED);
    }

    public String traceId() {
        return value.substring(3, 35);
    }

    private static boolean isValid(String header) {
        var matcher = FORMAT.matcher(header);
        if (!matcher.matches()) {
            return false;
        }
        String version = matcher.group(1);
        boolean extraFields = matcher.group(5) != null;
        return !version.equals("ff")
                && !(version.equals("00") && extraFields)
                && !matcher.group(2).equals(ZERO_TRACE_ID)
                && !matcher.group(3).equals(ZERO_PARENT_ID);
    }

    @Override
    public String toString() {
        return value;
    }
}
