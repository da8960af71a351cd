package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Reason;

/**
 * The authority closed the budget; nothing happens to the budget after it, and only the record of an erasure of
 * the person's personal data ({@link PersonalDataErasureConfirmed}) may follow it. Control: nobody.
 *
 * @param reason         why
 * @param personToldBy   how the person was told (absent only from budgets closed before it was recorded)
 * @param personTookPart whether the person took part in the decision (absent from budgets closed before it was
 *                       recorded)
 */
public record BudgetClosed(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        Reason reason,
        NotificationMethod personToldBy,
        Boolean personTookPart)
        implements BudgetEvent {

    /** A closure without the person's part recorded, as budgets were closed before it was. */
    public BudgetClosed(
            BudgetId budgetId, Act act, ControlTransfer control, Reason reason, NotificationMethod personToldBy) {
        this(budgetId, act, control, reason, personToldBy, null);
    }
}
