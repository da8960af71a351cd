package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Plan;

/**
 * A support plan was submitted. Control: PRACTITIONER (to endorse or return).
 */
public record PlanSubmitted(BudgetId budgetId, Act act, ControlTransfer control, Plan plan) implements BudgetEvent {}
