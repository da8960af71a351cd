package uk.gov.personalbudget.support.security;

import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * The token claims that say who a caller is, and the one place they are turned into an {@link Actor}. The
 * token validator and the controller argument resolver both use it, so a token that passes validation always
 * resolves.
 */
public final class ActorClaims {

    public static final String SUBJECT = JwtClaimNames.SUB;
    public static final String ROLE = "role";
    public static final String PERSON = "person";
    public static final String AUTHORISATION_LIMIT = "authorisation_limit";
    public static final String COUNCIL = "council";
    /** The longest subject accepted: ids of identity providers are far shorter; a longer one is not a caller's. */
    public static final int MAX_SUBJECT_LENGTH = 128;

    private ActorClaims() {}

    /**
     * The actor the claims describe, working in the council their {@code council} claim names (for a SYSTEM token
     * without one, the councils configured for its subject).
     *
     * @throws IllegalArgumentException with a message fit for the caller when a claim is missing or malformed
     */
    public static Actor actorOf(ClaimAccessor claims, Councils councils) {
        Role role = role(claims);
        PersonReference person = person(claims);
        if (person == null && role == Role.PERSON) {
            throw new IllegalArgumentException("a PERSON token names its person in the person claim");
        }
        String subject = subject(claims);
        return new Actor(subject, role, person, authorisationLimit(claims), councils(claims, role, subject, councils));
    }

    private static Set<String> councils(ClaimAccessor claims, Role role, String subject, Councils councils) {
        Object council = claims.getClaims().get(COUNCIL);
        if (council == null) {
            if (role != Role.SYSTEM) {
                throw new IllegalArgumentException("the token has no council claim");
            }
            Set<String> configured = councils.systemScope(subject);
            if (configured.isEmpty()) {
                throw new IllegalArgumentException(
                        "a SYSTEM token without a council claim needs councils configured for its subject");
            }
            return configured;
        }
        if (!(council instanceof String id) || !councils.serves(id)) {
            throw new IllegalArgumentException("the token's council claim names no council this service serves");
        }
        return Set.of(id);
    }

    private static String subject(ClaimAccessor claims) {
        Object sub = claims.getClaims().get(SUBJECT);
        if (!(sub instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException("the token has no sub claim");
        }
        if (value.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException(
                    "the token's sub claim is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        return value;
    }

    private static Role role(ClaimAccessor claims) {
        Object role = claims.getClaims().get(ROLE);
        if (role == null) {
            throw new IllegalArgumentException("the token has no role claim");
        }
        return Arrays.stream(Role.values())
                .filter(known -> known.name().equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the token's role claim is not one of " + Arrays.toString(Role.values())));
    }

    private static PersonReference person(ClaimAccessor claims) {
        Object person = claims.getClaims().get(PERSON);
        if (person == null) {
            return null;
        }
        if (!(person instanceof String value) || !value.matches(PersonReference.PATTERN)) {
            throw new IllegalArgumentException(
                    "the token's person claim is not a person reference (1 to 64 letters, digits, '-' or '_')");
        }
        return new PersonReference(value);
    }

    private static Long authorisationLimit(ClaimAccessor claims) {
        Object limit = claims.getClaims().get(AUTHORISATION_LIMIT);
        if (limit == null) {
            return null;
        }
        Long pence = wholeNumber(limit);
        if (pence == null || pence < 0) {
            throw new IllegalArgumentException(
                    "the token's authorisation_limit claim is not a whole number of pence of at least 0");
        }
        return pence;
    }

    /** JSON parsers hand numbers over as Long, Integer, Double or Big*; only whole values that fit are pence. */
    private static Long wholeNumber(Object value) {
        try {
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                return d.longValue();
            }
            return null;
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }
}
