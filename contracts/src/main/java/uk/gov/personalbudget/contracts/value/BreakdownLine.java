package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One line of how an indicative amount was reached, in words the person can read. */
public record BreakdownLine(
        @PersonalData @NotBlank @Size(max = 500) String description,
        @NotNull @Valid Money amount) {}
