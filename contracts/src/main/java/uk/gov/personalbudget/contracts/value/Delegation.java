package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A passing of control from the person to a named delegate, meant to come back.
 *
 * @param delegate    who holds control meanwhile
 * @param reason      crisis, fluctuating capacity, preference or other
 * @param explanation the reason in words
 * @param intendedEnd when control is meant to come back, or be reviewed
 */
public record Delegation(
        @NotNull @Valid Delegate delegate,
        @NotNull DelegationReason reason,
        @PersonalData @NotBlank @Size(max = 4000) String explanation,
        @NotNull Instant intendedEnd) {}
