package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PreferredControl;

/**
 * The person stated how much control of their budget they now want. Control unchanged.
 *
 * @param previous the preference recorded before, if any
 */
public record PreferredControlStated(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        PreferredControl preferredControl,
        PreferredControl previous)
        implements BudgetEvent {}
