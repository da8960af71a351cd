package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PlanReturn;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * A practitioner returns a submitted plan to the person for changes, with reasons.
 */
@AllowedRoles(Role.PRACTITIONER)
public record ReturnPlan(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid PlanReturn planReturn) implements BudgetCommand {}
