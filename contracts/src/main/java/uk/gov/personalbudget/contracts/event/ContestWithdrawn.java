package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * The person withdrew their open contest before the authority answered it; the offer is open again.
 * Control: PERSON.
 */
public record ContestWithdrawn(BudgetId budgetId, Act act, ControlTransfer control, Reason reason)
        implements BudgetEvent {}
