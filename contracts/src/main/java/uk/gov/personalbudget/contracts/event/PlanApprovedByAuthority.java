package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;

/**
 * The authority approved the plan; {@code indicativeAmount} is the offer it was measured against. Control:
 * PERSON (to choose management).
 */
public record PlanApprovedByAuthority(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        Approval approval,
        Money indicativeAmount,
        boolean personStatementAdded)
        implements BudgetEvent {}
