package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Endorsement;

/**
 * A practitioner endorsed the submitted plan. Control: AUTHORITY (to decide).
 */
public record PlanEndorsed(BudgetId budgetId, Act act, ControlTransfer control, Endorsement endorsement)
        implements BudgetEvent {}
