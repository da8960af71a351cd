package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Resumption;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * Control goes back to the person from a delegate, only while delegated.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE, Role.PRACTITIONER, Role.AUTHORITY},
        condition = "the person, the delegate in force, or the authority")
public record ResumeControl(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Resumption resumption) implements BudgetCommand {}
