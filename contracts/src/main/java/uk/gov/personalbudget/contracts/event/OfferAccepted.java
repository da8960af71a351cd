package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;

/**
 * The person accepted the open offer. Control: PERSON (to plan).
 */
public record OfferAccepted(BudgetId budgetId, Act act, ControlTransfer control, Money acceptedAmount)
        implements BudgetEvent {}
