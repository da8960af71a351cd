package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * A practitioner or council system opens a budget for a person, before any assessment.
 */
@AllowedRoles(
        value = {Role.PRACTITIONER, Role.SYSTEM},
        condition = "for a council the caller's token names")
public record OpenBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid BudgetOpening opening) implements BudgetCommand {}
