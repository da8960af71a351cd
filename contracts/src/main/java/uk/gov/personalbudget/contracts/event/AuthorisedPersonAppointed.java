package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * An authorised person was appointed. Control: the authorised person, wherever the person would hold it.
 */
public record AuthorisedPersonAppointed(
        BudgetId budgetId, Act act, ControlTransfer control, Authorisation authorisation) implements BudgetEvent {}
