package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * Records on one closed budget that its person's personal data is erased: sent by budget-service to each of the
 * person's budgets when a second authority confirms an erasure request, never over a budget's own endpoint.
 *
 * @param actor the authority confirming the erasure
 */
@AllowedRoles(value = Role.AUTHORITY, condition = "not the authority who requested the erasure")
public record RecordErasure(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Erasure erasure) implements BudgetCommand {}
