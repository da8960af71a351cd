package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A required reason in plain words, for acts whose only detail is why (resuming, closing). */
public record Reason(
        @PersonalData @NotBlank @Size(max = 4000) String reason) {}
