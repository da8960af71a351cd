package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Outcome;

/**
 * An outcome was recorded in the person's own words. Control unchanged.
 */
public record OutcomeRecorded(BudgetId budgetId, Act act, ControlTransfer control, Outcome outcome)
        implements BudgetEvent {}
