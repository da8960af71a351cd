package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Revision;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority answers a contest with a revised offer; reasons are required when it does not reach what
 * was asked.
 */
@AllowedRoles(Role.AUTHORITY)
public record ReviseOffer(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Revision revision) implements BudgetCommand {}
