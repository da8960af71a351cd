package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Delegate;
import uk.gov.personalbudget.contracts.value.Resumption;

/**
 * A delegation ended. Control: back to the person, if the lifecycle gives it to them now.
 */
public record ControlResumed(
        BudgetId budgetId, Act act, ControlTransfer control, Delegate formerDelegate, Resumption resumption)
        implements BudgetEvent {}
