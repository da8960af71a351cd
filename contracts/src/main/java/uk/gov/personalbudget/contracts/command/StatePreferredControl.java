package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.Role;

/** The person states, after their assessment, how much control of their budget they now want. */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE},
        condition = "the person, or a nominee named by the delegation or authorisation in force")
public record StatePreferredControl(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull PreferredControl preferredControl) implements BudgetCommand {}
