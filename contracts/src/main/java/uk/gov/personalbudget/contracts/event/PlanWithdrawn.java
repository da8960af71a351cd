package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * The plan awaiting the practitioner or the authority was withdrawn before their answer; planning goes on.
 * Control: PERSON.
 */
public record PlanWithdrawn(BudgetId budgetId, Act act, ControlTransfer control, Reason reason)
        implements BudgetEvent {}
