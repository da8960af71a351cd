package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A budget moving to another practitioner's caseload, when staff change.
 *
 * @param practitioner the practitioner's actor id (their token's subject)
 * @param reason       why, in plain words
 */
public record Reallocation(
        @NotBlank @Size(max = 64) String practitioner,
        @PersonalData @NotBlank @Size(max = 4000) String reason) {}
