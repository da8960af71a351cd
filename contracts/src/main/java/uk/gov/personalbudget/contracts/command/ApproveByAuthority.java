package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * The authority approves an endorsed plan within the approver's authorisation limit. Allowed to AUTHORITY.
 */
public record ApproveByAuthority(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Approval approval) implements BudgetCommand {
}
