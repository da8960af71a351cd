package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority changes an approved budget, temporarily (with an end date) or lastingly. Anyone may ask;
 * the authority decides.
 */
@AllowedRoles(value = Role.AUTHORITY, condition = "within the approver's authorisation limit")
public record AdjustBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Adjustment adjustment) implements BudgetCommand {}
