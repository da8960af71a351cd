package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * An indicative budget offered to the person, and how it was calculated.
 *
 * @param personTookPart whether the person took part in the decision (required of every new offer; absent from
 *                       offers made before it was recorded)
 * @param personToldBy   how the person was told of it (as {@code personTookPart})
 */
public record Offer(
        @NotNull @Valid Money amount,
        @NotNull @Valid Calculation calculation,
        Boolean personTookPart,
        NotificationMethod personToldBy) {

    /** An offer without the person's part recorded, as offers were made before it was. */
    public Offer(Money amount, Calculation calculation) {
        this(amount, calculation, null, null);
    }
}
