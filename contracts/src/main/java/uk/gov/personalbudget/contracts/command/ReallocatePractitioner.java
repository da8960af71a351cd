package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reallocation;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority moves the budget to another practitioner's caseload, with a reason.
 */
@AllowedRoles(Role.AUTHORITY)
public record ReallocatePractitioner(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Reallocation reallocation) implements BudgetCommand {}
