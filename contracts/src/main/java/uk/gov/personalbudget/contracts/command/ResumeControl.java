package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Resumption;

/**
 * Control goes back to the person from a delegate. Allowed to the PERSON, the delegate, or AUTHORITY, only
 * while delegated.
 */
public record ResumeControl(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Resumption resumption) implements BudgetCommand {
}
