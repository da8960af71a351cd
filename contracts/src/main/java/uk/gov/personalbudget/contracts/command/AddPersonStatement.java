package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonStatement;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The person attaches their own words to the plan before the authority decides.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE},
        condition = "a NOMINEE while the delegation or authorisation in force names them")
public record AddPersonStatement(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid PersonStatement statement) implements BudgetCommand {}
