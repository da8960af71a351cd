package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The plan awaiting the practitioner or the authority is withdrawn, with a reason: planning goes on.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE, Role.PRACTITIONER},
        condition = "whoever stands in the person's place: the person, or the named delegate or authorised "
                + "person in force, or the practitioner who submitted it")
public record WithdrawPlan(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Reason reason) implements BudgetCommand {}
