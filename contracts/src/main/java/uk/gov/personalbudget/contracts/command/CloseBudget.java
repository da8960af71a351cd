package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Closure;

/**
 * The authority closes a budget, with the reason and how the person was told; nothing is accepted after it.
 * Allowed to AUTHORITY.
 */
public record CloseBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Closure closure) implements BudgetCommand {
}
