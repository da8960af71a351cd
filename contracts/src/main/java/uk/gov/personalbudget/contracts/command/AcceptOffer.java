package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * The person accepts an open offer and starts planning. Allowed to PERSON and NOMINEE.
 */
public record AcceptOffer(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor) implements BudgetCommand {
}
