package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * The authority changes an approved budget, temporarily (with an end date) or lastingly. Anyone may ask;
 * AUTHORITY decides.
 */
public record AdjustBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Adjustment adjustment) implements BudgetCommand {
}
