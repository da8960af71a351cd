package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The result of a review, its summary and whether the person took part. */
public record ReviewResult(
        @NotNull ReviewOutcome result,
        @PersonalData @NotBlank @Size(max = 8000) String summary,
        @NotNull Boolean personTookPart) {}
