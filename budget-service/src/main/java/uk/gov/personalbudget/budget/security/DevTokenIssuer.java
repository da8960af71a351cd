package uk.gov.personalbudget.budget.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.security.ActorClaims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs tokens for local development and tests with a key that exists only for the life of the process.
 * Only the {@code local} profile creates one as a bean; tests may also build one around a key of their own.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "budget-service-local";
    /** The audience of development tokens: approval-service's local profile requires it too. */
    public static final String AUDIENCE = "personal-budget-local";
    /** As long as any token may live (security.jwt.max-lifetime's default). */
    public static final Duration VALIDITY = Duration.ofHours(1);

    private final RSAKey key;
    private final JwtEncoder encoder;
    private final Clock clock;

    public DevTokenIssuer(RSAKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A fresh 2048-bit RSA signing key with a random key id. */
    public static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key for development tokens", e);
        }
    }

    /**
     * A signed token for the given caller, valid for {@link #VALIDITY}.
     *
     * @param person             the person claim, or null
     * @param authorisationLimit the authorisation_limit claim in pence, or null
     * @param council            the council claim, or null (a SYSTEM caller scoped by configuration)
     */
    public String issue(String sub, Role role, PersonReference person, Long authorisationLimit, String council) {
        Objects.requireNonNull(role, "role");
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(sub)
                .issuedAt(now)
                .expiresAt(now.plus(VALIDITY))
                .id(UUID.randomUUID().toString())
                .claim(ActorClaims.ROLE, role.name());
        if (person != null) {
            claims.claim(ActorClaims.PERSON, person.value());
        }
        if (authorisationLimit != null) {
            claims.claim(ActorClaims.AUTHORISATION_LIMIT, authorisationLimit);
        }
        if (council != null) {
            claims.claim(ActorClaims.COUNCIL, council);
        }
        return sign(claims.build());
    }

    public String issue(Actor actor) {
        if (actor.councils().size() > 1) {
            throw new IllegalArgumentException(
                    "a token names one council; several are a SYSTEM caller's configuration");
        }
        return issue(
                actor.id(),
                actor.role(),
                actor.person(),
                actor.authorisationLimit(),
                actor.councils().stream().findFirst().orElse(null));
    }

    /** Signs any claims at all, for tests that need a token this class would not issue. */
    String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .type("JWT")
                .keyId(key.getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
