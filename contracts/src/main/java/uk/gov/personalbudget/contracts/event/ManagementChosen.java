package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Management;

/**
 * The person chose how the budget is managed. Control: whoever manages the money.
 */
public record ManagementChosen(BudgetId budgetId, Act act, ControlTransfer control, Management management)
        implements BudgetEvent {}
