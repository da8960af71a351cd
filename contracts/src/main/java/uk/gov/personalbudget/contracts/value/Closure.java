package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The authority's closing of a budget.
 *
 * @param reason         why the budget closes, in plain words
 * @param personToldBy   how the person was told
 * @param personTookPart whether the person took part in the decision (required of every new closure)
 */
public record Closure(
        @PersonalData @NotBlank @Size(max = 4000) String reason,
        @NotNull NotificationMethod personToldBy,
        Boolean personTookPart) {

    /** A closure without the person's part recorded. */
    public Closure(String reason, NotificationMethod personToldBy) {
        this(reason, personToldBy, null);
    }
}
