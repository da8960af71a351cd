package uk.gov.personalbudget.contracts.api;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/**
 * The answer of recomputing a budget's hash chain from its stored events: whether every event still matches the
 * hash it was stored with and links to the event before it (docs/security.md, "Tamper evidence").
 *
 * @param budgetId      the budget
 * @param intact        true when no event failed the check
 * @param eventsChecked how many events were checked, in sequence order: all of them when intact, otherwise up to and
 *                      including the first that does not match
 * @param legacyEvents  how many of them were stored before the hash chain began and so carry no hash of their own
 * @param head          the budget's latest stored event and its stored hash: record it to notice later truncation
 * @param firstMismatch the first event that does not match; null when intact
 * @param checkedAt     when the check ran
 */
public record ChainVerification(
        BudgetId budgetId,
        boolean intact,
        long eventsChecked,
        long legacyEvents,
        ChainHead head,
        Mismatch firstMismatch,
        Instant checkedAt) {

    /**
     * The latest event of a budget.
     *
     * @param sequence its sequence number
     * @param hash     its stored hash, 64 hex digits; null for a legacy event
     */
    public record ChainHead(long sequence, String hash) {}

    /**
     * An event that does not match.
     *
     * @param sequence    its sequence number, as stored
     * @param eventType   its type, e.g. {@code PlanSubmitted}
     * @param kind        what does not match
     * @param expected    what the check computed: a hash, or for {@link MismatchKind#SEQUENCE_GAP} the sequence number
     *                    expected at this place
     * @param found       what is stored instead (null for {@link MismatchKind#MISSING_HASH})
     * @param explanation the same in words
     */
    public record Mismatch(
            long sequence, String eventType, MismatchKind kind, String expected, String found, String explanation) {}

    /** What does not match at the first bad event. */
    public enum MismatchKind {
        /** The event's stored columns (payload, meta-data, timestamp, ids, types) or its stored hash were changed. */
        CONTENT,
        /** Its previous hash is not the hash of the event before it: an event was inserted, reordered or replaced. */
        LINK,
        /** Its sequence number is not the next one: events before it were deleted. */
        SEQUENCE_GAP,
        /** It has no hash although it was stored after the chain began. */
        MISSING_HASH
    }
}
