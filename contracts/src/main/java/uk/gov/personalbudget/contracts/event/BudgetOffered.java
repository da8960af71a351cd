package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Offer;

/**
 * An indicative budget was offered. Control: PERSON.
 */
public record BudgetOffered(BudgetId budgetId, Act act, ControlTransfer control, Offer offer) implements BudgetEvent {}
