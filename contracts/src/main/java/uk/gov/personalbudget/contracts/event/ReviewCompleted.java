package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ReviewResult;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;

/**
 * The scheduled review was completed. Control: the manager of the money (continue), the person (replan) or
 * the authority (end: the budget is ENDING until the authority closes it with BudgetClosed).
 */
public record ReviewCompleted(
        BudgetId budgetId, Act act, ControlTransfer control, ReviewSchedule review, ReviewResult result)
        implements BudgetEvent {}
