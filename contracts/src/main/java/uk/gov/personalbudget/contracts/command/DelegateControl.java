package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The person (or the authority in a crisis) passes control to a named nominee or practitioner until an
 * intended end, any time after an offer.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.AUTHORITY},
        condition = "the AUTHORITY only in a crisis")
public record DelegateControl(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Delegation delegation) implements BudgetCommand {}
