package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Decline;

/**
 * The authority declined the plan; it went back to the person. Control: PERSON.
 */
public record PlanDeclinedByAuthority(
        BudgetId budgetId, Act act, ControlTransfer control, Decline decline, boolean personStatementAdded)
        implements BudgetEvent {}
