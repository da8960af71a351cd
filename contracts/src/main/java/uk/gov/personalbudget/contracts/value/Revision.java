package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The authority's answer to a contest: a new offer.
 *
 * @param amount         the revised indicative amount
 * @param calculation    how it was reached
 * @param reasons        required when the amount does not reach what the person asked for
 * @param personTookPart whether the person took part in the decision (required of every new revision; absent from
 *                       revisions made before it was recorded)
 * @param personToldBy   how the person was told of it (as {@code personTookPart})
 */
public record Revision(
        @NotNull @Valid Money amount,
        @NotNull @Valid Calculation calculation,
        @PersonalData @Size(max = 4000) String reasons,
        Boolean personTookPart,
        NotificationMethod personToldBy) {

    /** A revision without the person's part recorded, as revisions were made before it was. */
    public Revision(Money amount, Calculation calculation, String reasons) {
        this(amount, calculation, reasons, null, null);
    }
}
