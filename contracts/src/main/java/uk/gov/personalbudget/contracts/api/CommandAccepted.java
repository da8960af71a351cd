package uk.gov.personalbudget.contracts.api;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;

/**
 * The answer to an accepted command: the budget as the command left it.
 *
 * @param id            the budget
 * @param version       the sequence number of the budget's latest event (its ETag)
 * @param status        where the budget now is in its lifecycle
 * @param controlHolder who holds control now
 */
public record CommandAccepted(BudgetId id, long version, BudgetStatus status, ControlHolder controlHolder) {}
