package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonStatement;

/**
 * The person attaches their own words to the plan before the authority decides. Allowed to PERSON and
 * NOMINEE.
 */
public record AddPersonStatement(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid PersonStatement statement) implements BudgetCommand {
}
