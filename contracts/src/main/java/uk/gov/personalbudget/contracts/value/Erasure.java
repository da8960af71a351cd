package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An erasure of a person's personal data, as two authorities agreed it: who asked for it and when, and the key it
 * destroys. Its reason stays with the request (sealed with the very key it destroys), so nothing here is personal.
 * Who confirmed it, and when, is the act of the event that records it.
 *
 * @param requestId   the erasure request's id
 * @param requestedBy the authority who asked for it (their token's subject)
 * @param requestedAt when they asked
 * @param keyId       the id of the person's key it destroys (every value that key sealed names it)
 */
public record Erasure(
        @NotBlank @Size(max = 64) String requestId,
        @NotBlank @Size(max = 128) String requestedBy,
        @NotNull Instant requestedAt,
        @NotBlank @Size(max = 64) String keyId) {}
