package uk.gov.personalbudget.contracts.value;

/** Who led an assessment of needs. */
public enum AssessmentKind {
    SELF,
    CO_PRODUCED,
    PRACTITIONER_LED
}
