package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The authority's decline of an endorsed plan; the plan goes back to the person.
 *
 * @param reasons        the reasons in plain language
 * @param personTookPart whether the person took part in the decision
 * @param personToldBy   how the person is told
 */
public record Decline(
        @PersonalData @NotBlank @Size(max = 4000) String reasons,
        @NotNull Boolean personTookPart,
        @NotNull NotificationMethod personToldBy) {}
