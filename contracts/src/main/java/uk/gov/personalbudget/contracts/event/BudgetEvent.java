package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;

/** Something that happened to one personal budget; every event says whose act it was and who held control. */
public interface BudgetEvent {

    BudgetId budgetId();

    /** Who acted, in what role, for whom, and when. */
    Act act();

    /** Who held control before this event and who holds it after. */
    ControlTransfer control();
}
