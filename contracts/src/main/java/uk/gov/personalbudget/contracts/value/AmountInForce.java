package uk.gov.personalbudget.contracts.value;

import java.time.Instant;
import java.util.List;

/**
 * The amount of a budget in force at a moment: the latest temporary adjustment whose period covers it, else
 * the latest lasting adjustment in effect by then, else the approved amount.
 */
public final class AmountInForce {

    private AmountInForce() {}

    public static Money at(Instant moment, Money approved, List<Adjustment> adjustmentsInOrder) {
        Adjustment temporary = temporaryAt(moment, adjustmentsInOrder);
        if (temporary != null) {
            return temporary.newAmount();
        }
        Money lasting = approved;
        for (Adjustment adjustment : adjustmentsInOrder) {
            if (adjustment.kind() == AdjustmentKind.LASTING && !moment.isBefore(adjustment.effectiveFrom())) {
                lasting = adjustment.newAmount();
            }
        }
        return lasting;
    }

    /** The temporary adjustment in force at {@code moment}, if any (the latest made wins). */
    public static Adjustment temporaryAt(Instant moment, List<Adjustment> adjustmentsInOrder) {
        Adjustment inForce = null;
        for (Adjustment adjustment : adjustmentsInOrder) {
            if (adjustment.kind() == AdjustmentKind.TEMPORARY
                    && !moment.isBefore(adjustment.effectiveFrom())
                    && moment.isBefore(adjustment.endsOn())) {
                inForce = adjustment;
            }
        }
        return inForce;
    }
}
