package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a budget is opened with.
 *
 * @param person                 the person the budget is for
 * @param localAuthority         the council responsible for meeting the person's needs
 * @param allocatedPractitioner  the practitioner whose caseload the budget joins, if known
 */
public record BudgetOpening(
        @NotNull @Valid PersonReference person,
        @NotBlank @Size(max = 120) String localAuthority,
        @Size(max = 64) String allocatedPractitioner) {
}
