package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Erasure;

/**
 * Two authorities agreed to erase the person's personal data: the act is the confirming authority's, the erasure
 * names who requested it. Recorded on each of the person's budgets, all closed, just before the person's key is
 * destroyed; it is the only event that may follow {@link BudgetClosed}, and holds no personal data. Control:
 * unchanged (nobody).
 */
public record PersonalDataErasureConfirmed(BudgetId budgetId, Act act, ControlTransfer control, Erasure erasure)
        implements BudgetEvent {}
