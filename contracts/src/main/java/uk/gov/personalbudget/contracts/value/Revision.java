package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The authority's answer to a contest: a new offer.
 *
 * @param amount      the revised indicative amount
 * @param calculation how it was reached
 * @param reasons     required when the amount does not reach what the person asked for
 */
public record Revision(
        @NotNull @Valid Money amount,
        @NotNull @Valid Calculation calculation,
        @PersonalData @Size(max = 4000) String reasons) {}
