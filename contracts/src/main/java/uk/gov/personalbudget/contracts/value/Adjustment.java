package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A change to the approved amount, for example while distress fluctuates.
 *
 * @param kind           temporary or lasting
 * @param newAmount      the amount from {@code effectiveFrom}
 * @param effectiveFrom  when the change takes effect
 * @param endsOn         when a temporary change ends (required for TEMPORARY, absent for LASTING)
 * @param reason         why
 * @param requestedBy    the role of whoever asked for it (anyone may ask; the authority decides)
 * @param personTookPart whether the person took part in the decision (required of every new adjustment; absent from
 *                       adjustments made before it was recorded)
 * @param personToldBy   how the person was told of it (as {@code personTookPart})
 */
public record Adjustment(
        @NotNull AdjustmentKind kind,
        @NotNull @Valid Money newAmount,
        @NotNull Instant effectiveFrom,
        Instant endsOn,
        @PersonalData @NotBlank @Size(max = 4000) String reason,
        @NotNull Role requestedBy,
        Boolean personTookPart,
        NotificationMethod personToldBy) {

    /** An adjustment without the person's part recorded, as adjustments were made before it was. */
    public Adjustment(
            AdjustmentKind kind,
            Money newAmount,
            Instant effectiveFrom,
            Instant endsOn,
            String reason,
            Role requestedBy) {
        this(kind, newAmount, effectiveFrom, endsOn, reason, requestedBy, null, null);
    }
}
