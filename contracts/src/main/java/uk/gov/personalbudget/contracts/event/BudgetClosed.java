package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * The budget was closed; nothing is accepted after it. Control: nobody.
 */
public record BudgetClosed(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        Reason reason) implements BudgetEvent {
}
