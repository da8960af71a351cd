package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority appoints an authorised person (Care Act s32) on a capacity assessment, any time after an
 * offer.
 */
@AllowedRoles(Role.AUTHORITY)
public record AppointAuthorisedPerson(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Authorisation authorisation) implements BudgetCommand {}
