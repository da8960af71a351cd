package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;

/**
 * A review was scheduled. Control unchanged.
 */
public record ReviewScheduled(BudgetId budgetId, Act act, ControlTransfer control, ReviewSchedule review)
        implements BudgetEvent {}
