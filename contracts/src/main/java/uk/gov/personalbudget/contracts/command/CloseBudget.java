package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Closure;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority closes a budget, with the reason and how the person was told; nothing is accepted after it.
 */
@AllowedRoles(Role.AUTHORITY)
public record CloseBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Closure closure) implements BudgetCommand {}
