package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.contracts.value.Suspension;

/**
 * The authority pauses a budget in use, saying what meets needs meanwhile.
 */
@AllowedRoles(Role.AUTHORITY)
public record SuspendBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Suspension suspension) implements BudgetCommand {}
