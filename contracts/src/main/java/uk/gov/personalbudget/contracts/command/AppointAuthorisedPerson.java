package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * The authority appoints an authorised person (Care Act s32) on a capacity assessment. Allowed to AUTHORITY
 * any time after an offer.
 */
public record AppointAuthorisedPerson(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Authorisation authorisation) implements BudgetCommand {
}
