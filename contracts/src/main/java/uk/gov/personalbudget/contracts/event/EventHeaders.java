package uk.gov.personalbudget.contracts.event;

/**
 * The headers every record of the budget events topic carries, as UTF-8 strings (docs/events.md). The record's
 * key is the budget id and its value the event's JSON.
 */
public final class EventHeaders {

    /** The event's type, the simple name of its contracts record, e.g. {@code BudgetOffered}. */
    public static final String EVENT_TYPE = "event-type";
    /**
     * The revision of that type's JSON the value has, as it was stored ({@link BudgetEventTypes#revisionOf} for an
     * event stored now; an event stored at an earlier revision keeps it).
     */
    public static final String EVENT_REVISION = "event-revision";
    /** The event's unique id: the key to deduplicate on. */
    public static final String EVENT_ID = "event-id";
    /** The budget id, the same as the record key. */
    public static final String AGGREGATE_ID = "aggregate-id";
    /** The event's position in its budget's history, from 0 with no gaps. */
    public static final String AGGREGATE_SEQUENCE = "aggregate-sequence";
    /** When the event was stored, an ISO-8601 UTC instant. */
    public static final String EVENT_TIMESTAMP = "event-timestamp";
    /**
     * The event's hash in its budget's hash chain, 64 lower-case hex digits (docs/security.md, "Tamper evidence");
     * absent on events stored before the chain began.
     */
    public static final String EVENT_HASH = "event-hash";
    /**
     * The hash of the event before it in its budget's chain ({@link #EVENT_HASH} of sequence - 1, or 64 zeros for a
     * budget's first event); with {@link #EVENT_HASH} only.
     */
    public static final String EVENT_PREVIOUS_HASH = "event-previous-hash";
    /**
     * The inputs of the event's hash that the other headers do not carry, exactly as stored, so a consumer can
     * recompute the hash from the record alone (docs/events.md, "Checking a record's hash"): the stored aggregate
     * type, the stored timestamp text, the payload type (a class name), the payload revision (absent when none),
     * and the stored meta-data bytes in base64 (absent when none). On every record, legacy ones too.
     */
    public static final String STORED_AGGREGATE_TYPE = "event-stored-aggregate-type";

    public static final String STORED_TIMESTAMP = "event-stored-timestamp";
    public static final String STORED_PAYLOAD_TYPE = "event-stored-payload-type";
    public static final String STORED_PAYLOAD_REVISION = "event-stored-payload-revision";
    public static final String STORED_METADATA = "event-stored-metadata";
    /** The W3C trace context of the request that caused the event, when it carries one. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {}
}
