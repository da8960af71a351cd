package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who sends a command, taken from the caller's authenticated token and never from a request body.
 *
 * @param id                 the token's subject
 * @param role               the token's role
 * @param person             for a PERSON the person they are, for a NOMINEE the person they say they act for
 *                           (access follows the delegation or authorisation naming the NOMINEE, not this claim)
 * @param authorisationLimit for an AUTHORITY, the largest yearly amount in pence they may approve
 * @param councils           the councils whose budgets the caller works in: the token's {@code council} claim,
 *                           or for a SYSTEM caller without one those its configuration names; empty sees nothing
 */
public record Actor(
        @NotBlank String id,
        @NotNull Role role,
        PersonReference person,
        Long authorisationLimit,
        Set<String> councils) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        councils = councils == null ? Set.of() : Set.copyOf(councils);
    }

    /** An actor of no council: sees no budget (for tests of what such a caller is refused). */
    public Actor(String id, Role role, PersonReference person, Long authorisationLimit) {
        this(id, role, person, authorisationLimit, Set.of());
    }

    public static Actor of(String id, Role role) {
        return new Actor(id, role, null, null, Set.of());
    }

    public static Actor of(String id, Role role, String council) {
        return new Actor(id, role, null, null, Set.of(council));
    }

    public Optional<PersonReference> personClaim() {
        return Optional.ofNullable(person);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Whether the caller works in {@code council}. */
    public boolean serves(String council) {
        return council != null && councils.contains(council);
    }
}
