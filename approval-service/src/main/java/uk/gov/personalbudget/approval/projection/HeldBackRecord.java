package uk.gov.personalbudget.approval.projection;

import java.time.Instant;

/**
 * A record of the topic that was not projected because it does not fit its budget's hash chain: where it is on the
 * topic, what it claims to be (its headers, which may be forged), and why it was held back.
 *
 * @param budgetId the budget it names (its key), as it claims
 * @param sequence the {@code aggregate-sequence} it claims; null if it has none that reads
 */
public record HeldBackRecord(
        String topic,
        int partition,
        long offset,
        String budgetId,
        Long sequence,
        String eventId,
        String eventType,
        HoldReason reason,
        String detail,
        Instant heldAt) {}
