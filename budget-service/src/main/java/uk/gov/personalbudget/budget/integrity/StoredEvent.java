package uk.gov.personalbudget.budget.integrity;

/**
 * The columns of one row of {@code domain_event_entry} that an event's hash covers, exactly as stored: the
 * timestamp as its stored text, payload and meta-data as their stored bytes.
 */
public record StoredEvent(
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        String type,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {}
