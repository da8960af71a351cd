package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * An authorisation ended. Control: back to the person, if the lifecycle gives it to them now.
 */
public record AuthorisationEnded(
        BudgetId budgetId, Act act, ControlTransfer control, String formerAuthorisedPerson, Reason reason)
        implements BudgetEvent {}
