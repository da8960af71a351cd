package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;

/**
 * A budget was opened for a person. Control: PRACTITIONER (assessing).
 */
public record BudgetOpened(BudgetId budgetId, Act act, ControlTransfer control, BudgetOpening opening)
        implements BudgetEvent {}
