package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * The authority closes a budget; nothing is accepted after it. Allowed to AUTHORITY.
 */
public record CloseBudget(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Reason reason) implements BudgetCommand {
}
