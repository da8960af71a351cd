package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A pause in the use of a budget.
 *
 * @param reason             why
 * @param interimArrangement what meets the person's needs meanwhile
 * @param personTookPart     whether the person took part in the decision (required of every new suspension; absent
 *                           from suspensions made before it was recorded)
 * @param personToldBy       how the person was told of it (as {@code personTookPart})
 */
public record Suspension(
        @PersonalData @NotBlank @Size(max = 4000) String reason,
        @PersonalData @NotBlank @Size(max = 4000) String interimArrangement,
        Boolean personTookPart,
        NotificationMethod personToldBy) {

    /** A suspension without the person's part recorded, as suspensions were made before it was. */
    public Suspension(String reason, String interimArrangement) {
        this(reason, interimArrangement, null, null);
    }
}
