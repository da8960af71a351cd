package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.Size;

/** The ending of a delegation: control goes back to the person. */
public record Resumption(@PersonalData @Size(max = 4000) String reason) {}
