package uk.gov.personalbudget.contracts.control;

/** The parties that can hold control of a budget. PROVIDER and NOBODY are control parties, not API roles. */
public enum ControlParty {
    PERSON,
    NOMINEE,
    PRACTITIONER,
    AUTHORITY,
    /** The provider holding an individual service fund. */
    PROVIDER,
    /** The budget is closed. */
    NOBODY
}
