package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The person's challenge to a decision of the authority, made through the council's complaints procedure (there is
 * no statutory appeal: Care Act s72 was never commenced). Like contesting an offer, an ordinary recorded step.
 *
 * @param decision           which decision is challenged
 * @param complaintReference the reference the council's complaints procedure gave the complaint
 * @param grounds            why the decision is wrong, in the person's words
 * @param requestedAmount    what the person asks for instead, if they name an amount
 */
public record Challenge(
        @NotNull ChallengedDecision decision,
        @NotBlank @Size(max = 100) String complaintReference,
        @PersonalData @NotBlank @Size(max = 4000) String grounds,
        @Valid Money requestedAmount) {}
