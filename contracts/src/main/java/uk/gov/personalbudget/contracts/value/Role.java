package uk.gov.personalbudget.contracts.value;

/** The roles a caller can have; carried by the {@code role} claim of the caller's token. */
public enum Role {
    /** The person the budget is for. */
    PERSON,
    /** Family member, carer, peer supporter or authorised person acting for or with the person. */
    NOMINEE,
    /** Social worker, care coordinator or other mental health practitioner. */
    PRACTITIONER,
    /** The local authority's funding decision maker (manager or panel). */
    AUTHORITY,
    /** Reads histories and trails; never changes anything. */
    AUDITOR,
    /** Another council system or a scheduler acting under its own credentials. */
    SYSTEM
}
