package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a budget is opened with.
 *
 * @param person                 the person the budget is for
 * @param localAuthority         the id of the council responsible for meeting the person's needs ({@link Council}):
 *                               the budget belongs to it, and only callers of that council see it
 * @param allocatedPractitioner  the practitioner whose caseload the budget joins; when a practitioner opens the
 *                               budget without naming one, that practitioner
 */
public record BudgetOpening(
        @NotNull @Valid PersonReference person,

        @NotBlank
        @Size(max = 120)
        @Pattern(regexp = Council.PATTERN, message = "must be a council id: 2 to 40 lower-case letters, digits or '-'")
        String localAuthority,

        @Size(max = 64) String allocatedPractitioner) {

    public BudgetOpening withAllocatedPractitioner(String practitioner) {
        return new BudgetOpening(person, localAuthority, practitioner);
    }
}
