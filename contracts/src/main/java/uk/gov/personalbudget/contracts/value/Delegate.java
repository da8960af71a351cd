package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The named party control is delegated to: a NOMINEE or a PRACTITIONER.
 *
 * @param id   the delegate's actor id, as it appears in their token's subject
 * @param role NOMINEE or PRACTITIONER
 */
public record Delegate(
        @NotBlank @Size(max = 64) String id, @NotNull Role role) {}
