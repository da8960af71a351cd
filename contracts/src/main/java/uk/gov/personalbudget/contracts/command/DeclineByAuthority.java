package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Decline;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority declines an endorsed plan with reasons in plain language; the plan goes back to the person.
 */
@AllowedRoles(Role.AUTHORITY)
public record DeclineByAuthority(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Decline decline) implements BudgetCommand {}
