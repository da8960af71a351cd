package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;

/**
 * The authority adjusted the approved budget. Control unchanged.
 */
public record BudgetAdjusted(
        BudgetId budgetId, Act act, ControlTransfer control, Adjustment adjustment, Money previousAmount)
        implements BudgetEvent {}
