package uk.gov.personalbudget.contracts.value;

/** How the person is told of a decision. */
public enum NotificationMethod {
    LETTER,
    EMAIL,
    PHONE,
    IN_PERSON
}
