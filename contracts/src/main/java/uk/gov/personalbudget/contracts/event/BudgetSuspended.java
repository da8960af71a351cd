package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Suspension;

/**
 * The budget was suspended. Control: AUTHORITY.
 */
public record BudgetSuspended(BudgetId budgetId, Act act, ControlTransfer control, Suspension suspension)
        implements BudgetEvent {}
