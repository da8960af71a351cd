package uk.gov.personalbudget.budget.integrity;

/**
 * One stored event with its place in its budget's hash chain. {@code hash} and {@code previousHash} are null for a
 * legacy event, stored before the chain began.
 */
public record ChainedEvent(long globalIndex, StoredEvent event, String previousHash, String hash) {}
