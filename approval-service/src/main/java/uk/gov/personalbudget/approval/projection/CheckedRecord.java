package uk.gov.personalbudget.approval.projection;

/**
 * One record of the topic after the intake's checks: either an event to project with its place in the chain, or a
 * record already held back because its own hash does not fit it.
 *
 * @param envelope the event; null if held back
 * @param link     its place in the chain; null if held back, or for an event whose chain is not checked (tests)
 * @param position where the record is on the topic; null for an event whose chain is not checked
 * @param heldBack why it is held back already; null if it goes on to the chain's link check
 */
public record CheckedRecord(EventEnvelope envelope, ChainLink link, Position position, HeldBackRecord heldBack) {

    /** A record's place on the topic. */
    public record Position(String topic, int partition, long offset) {}

    public static CheckedRecord of(EventEnvelope envelope, ChainLink link, Position position) {
        return new CheckedRecord(envelope, link, position, null);
    }

    public static CheckedRecord unchecked(EventEnvelope envelope) {
        return new CheckedRecord(envelope, null, null, null);
    }

    public static CheckedRecord heldBack(HeldBackRecord record) {
        return new CheckedRecord(null, null, new Position(record.topic(), record.partition(), record.offset()), record);
    }
}
