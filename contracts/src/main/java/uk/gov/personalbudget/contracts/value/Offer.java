package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** An indicative budget offered to the person, and how it was calculated. */
public record Offer(
        @NotNull @Valid Money amount, @NotNull @Valid Calculation calculation) {}
