package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Reallocation;

/**
 * The budget moved to another practitioner's caseload: from then on that practitioner, and no longer the
 * previous one, reads and acts on it. Control: unchanged.
 *
 * @param previousPractitioner whose caseload it left, or null when nobody was allocated
 */
public record PractitionerReallocated(
        BudgetId budgetId, Act act, ControlTransfer control, Reallocation reallocation, String previousPractitioner)
        implements BudgetEvent {}
