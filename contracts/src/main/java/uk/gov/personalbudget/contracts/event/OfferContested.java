package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Money;

/**
 * The person contested the open offer. Control: AUTHORITY (to answer).
 */
public record OfferContested(BudgetId budgetId, Act act, ControlTransfer control, Contest contest, Money offeredAmount)
        implements BudgetEvent {}
