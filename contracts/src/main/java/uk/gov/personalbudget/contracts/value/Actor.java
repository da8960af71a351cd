package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sends a command, taken from the caller's authenticated token and never from a request body.
 *
 * @param id                 the token's subject
 * @param role               the token's role
 * @param person             for a PERSON the person they are, for a NOMINEE the person they act for
 * @param authorisationLimit for an AUTHORITY, the largest yearly amount in pence they may approve
 */
public record Actor(@NotBlank String id, @NotNull Role role, PersonReference person, Long authorisationLimit) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static Actor of(String id, Role role) {
        return new Actor(id, role, null, null);
    }

    public Optional<PersonReference> personClaim() {
        return Optional.ofNullable(person);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
