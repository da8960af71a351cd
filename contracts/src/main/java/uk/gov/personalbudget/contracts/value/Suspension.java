package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A pause in the use of a budget.
 *
 * @param reason             why
 * @param interimArrangement what meets the person's needs meanwhile
 */
public record Suspension(
        @PersonalData @NotBlank @Size(max = 4000) String reason,
        @PersonalData @NotBlank @Size(max = 4000) String interimArrangement) {}
