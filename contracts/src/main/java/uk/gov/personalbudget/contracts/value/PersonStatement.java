package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The person's own words, attached to the plan for the authority to read before it decides. */
public record PersonStatement(
        @PersonalData @NotBlank @Size(max = 8000) String statement) {}
