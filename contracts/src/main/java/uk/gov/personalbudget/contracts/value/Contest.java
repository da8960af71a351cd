package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The person's challenge to an offer: an ordinary, recorded step, never a failure.
 *
 * @param reason          why the offer is not enough or not right, in the person's words
 * @param requestedAmount what the person asks for instead, if they name an amount
 */
public record Contest(
        @PersonalData @NotBlank @Size(max = 4000) String reason,
        @Valid Money requestedAmount) {}
