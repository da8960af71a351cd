package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * The suspended budget was resumed. Control: whoever manages the money.
 */
public record BudgetResumed(BudgetId budgetId, Act act, ControlTransfer control, Reason reason)
        implements BudgetEvent {}
