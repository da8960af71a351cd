package uk.gov.personalbudget.contracts.value;

/** How a person agreed to a plan a practitioner submits for them. */
public enum AgreementMethod {
    /** The person signed the plan. */
    SIGNED_PLAN,
    /** In a meeting with the person. */
    IN_PERSON,
    /** On the phone or a video call. */
    PHONE_OR_VIDEO,
    /** In a letter, email or message from the person. */
    IN_WRITING
}
