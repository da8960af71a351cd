package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * A needs assessment and eligibility determination were recorded. Control: AUTHORITY (to offer).
 */
public record NeedsAssessed(BudgetId budgetId, Act act, ControlTransfer control, Assessment assessment)
        implements BudgetEvent {}
