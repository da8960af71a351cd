package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The authority approves an endorsed plan within the approver's authorisation limit.
 */
@AllowedRoles(value = Role.AUTHORITY, condition = "within the approver's authorisation limit")
public record ApproveByAuthority(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Approval approval) implements BudgetCommand {}
