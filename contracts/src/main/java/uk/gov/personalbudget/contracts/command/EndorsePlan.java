package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Endorsement;

/**
 * A practitioner endorses a submitted plan for the authority to decide. Allowed to PRACTITIONER.
 */
public record EndorsePlan(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Endorsement endorsement) implements BudgetCommand {
}
