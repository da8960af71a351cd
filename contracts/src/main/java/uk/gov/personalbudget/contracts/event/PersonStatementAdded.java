package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonStatement;

/**
 * The person's own words were attached to the plan. Control unchanged.
 */
public record PersonStatementAdded(BudgetId budgetId, Act act, ControlTransfer control, PersonStatement statement)
        implements BudgetEvent {}
