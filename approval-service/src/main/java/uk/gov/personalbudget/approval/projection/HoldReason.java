package uk.gov.personalbudget.approval.projection;

/** Why a record of the topic was held back rather than projected (docs/security.md, "Tamper evidence"). */
public enum HoldReason {
    /** It carries a hash, but not every input needed to recompute it, or an input that does not read. */
    INCOMPLETE,
    /** The hash recomputed from the record is not its {@code event-hash}: payload or headers were changed. */
    CONTENT,
    /** Its {@code event-previous-hash} is not the hash of the budget's last projected event: it does not chain. */
    LINK,
    /** It carries no hash, but is not a legacy event: its budget's chain has begun, or unhashed records are refused. */
    UNHASHED,
    /** A copy of an event already projected, but with another hash. */
    DIFFERS_FROM_PROJECTED
}
