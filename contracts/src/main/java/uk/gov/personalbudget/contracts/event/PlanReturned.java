package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PlanReturn;

/**
 * A practitioner returned the plan for changes. Control: PERSON.
 */
public record PlanReturned(BudgetId budgetId, Act act, ControlTransfer control, PlanReturn planReturn)
        implements BudgetEvent {}
