package uk.gov.personalbudget.budget.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import uk.gov.personalbudget.contracts.value.Council;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * What a development token should say about its holder.
 *
 * @param sub                the caller's id
 * @param role               the caller's role
 * @param person             for PERSON the person they are, for NOMINEE the person they act for
 * @param authorisationLimit for AUTHORITY, the largest yearly amount in pence they may approve
 * @param council            the council the caller works in; when absent, the first the service serves (for a
 *                           SYSTEM caller configured under security.councils.system, none: its configuration decides)
 */
record DevTokenRequest(
        @NotBlank String sub,
        @NotNull Role role,

        @Pattern(regexp = PersonReference.PATTERN, message = "must be 1 to 64 letters, digits, '-' or '_'")
        String person,

        @JsonProperty("authorisation_limit") @PositiveOrZero Long authorisationLimit,

        @Pattern(regexp = Council.PATTERN, message = "must be a council id")
        String council) {}
