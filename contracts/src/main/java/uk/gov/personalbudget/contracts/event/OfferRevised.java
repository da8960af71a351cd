package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.Revision;

/**
 * The authority answered a contest with a revised offer; {@code requestedAmount} is what the contest asked
 * for, if anything. Control: PERSON.
 */
public record OfferRevised(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        Revision revision,
        Money previousAmount,
        Money requestedAmount)
        implements BudgetEvent {}
