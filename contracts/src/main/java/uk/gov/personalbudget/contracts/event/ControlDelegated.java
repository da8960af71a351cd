package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Delegation;

/**
 * Control was delegated to a named nominee or practitioner. Control: the delegate, wherever the person
 * would hold it.
 */
public record ControlDelegated(BudgetId budgetId, Act act, ControlTransfer control, Delegation delegation)
        implements BudgetEvent {}
