package uk.gov.personalbudget.approval.support;

import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.security.ActorClaims;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Tokens as the council's identity provider issues them, signed by this JVM's {@link TestIssuer}, whose key set
 * {@link #register} points {@code security.jwt.*} at, so the production decoder (signature, expiry, issuer,
 * audience, lifetime, claims) checks every token a test sends. Every
 * token names {@link TokenHolder#HOME_COUNCIL}, the council of {@link LifecycleEvents}' budgets, unless
 * {@link #inCouncil} says otherwise.
 */
public final class TestTokens {

    public static final String ISSUER = TestIssuer.ISSUER;

    private static TestTokens instance;

    private final TestIssuer issuer = TestIssuer.get();

    private TestTokens() {}

    /** The one instance of this JVM. */
    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    /** Makes the service trust this issuer, whatever the active profiles say. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("security.jwt.issuer-uri", () -> ISSUER);
        registry.add("security.jwt.jwk-set-uri", issuer::jwkSetUri);
        registry.add("security.jwt.audience", () -> TestIssuer.AUDIENCE);
    }

    /** The same tokens, naming {@code council} in their council claim. */
    public InCouncil inCouncil(String council) {
        return new InCouncil(council);
    }

    /** Tokens of callers working in another council. */
    public final class InCouncil {

        private final String council;

        private InCouncil(String council) {
            this.council = council;
        }

        public String auditor() {
            return token("aud-5001", Role.AUDITOR, null, council);
        }

        public String authority() {
            return token(LifecycleEvents.AUTHORITY, Role.AUTHORITY, null, council);
        }

        public String practitioner(String id) {
            return token(id, Role.PRACTITIONER, null, council);
        }

        public String person(PersonReference person) {
            return token("person-of-" + person.value(), Role.PERSON, person, council);
        }
    }

    public String auditor() {
        return token("aud-5001", Role.AUDITOR, null);
    }

    public String authority() {
        return token(LifecycleEvents.AUTHORITY, Role.AUTHORITY, null);
    }

    public String system() {
        return token(LifecycleEvents.SYSTEM, Role.SYSTEM, null);
    }

    public String practitioner(String id) {
        return token(id, Role.PRACTITIONER, null);
    }

    public String person(PersonReference person) {
        return token("person-of-" + person.value(), Role.PERSON, person);
    }

    public String nominee(String id, PersonReference actingFor) {
        return token(id, Role.NOMINEE, actingFor);
    }

    /** A valid token for the caller, good for an hour. */
    public String token(String subject, Role role, PersonReference person) {
        return token(subject, role, person, TokenHolder.HOME_COUNCIL);
    }

    /** A valid token for the caller working in {@code council} (none: a SYSTEM scoped by configuration). */
    public String token(String subject, Role role, PersonReference person, String council) {
        JWTClaimsSet claims =
                claims(subject, role, person, ISSUER, Instant.now().plus(Duration.ofHours(1)));
        if (council != null) {
            claims = new JWTClaimsSet.Builder(claims)
                    .claim(ActorClaims.COUNCIL, council)
                    .build();
        }
        return issuer.sign(claims);
    }

    /** Well formed, but signed with a key the service has never seen. */
    public String signedByAnotherKey(Role role) {
        return issuer.signWithAnotherKey(
                claims("intruder", role, null, ISSUER, Instant.now().plus(Duration.ofHours(1))));
    }

    public String fromAnotherIssuer(Role role) {
        return issuer.sign(claims(
                "elsewhere", role, null, "https://idp.other.test", Instant.now().plus(Duration.ofHours(1))));
    }

    public String expired(Role role) {
        return issuer.sign(claims("late", role, null, ISSUER, Instant.now().minus(Duration.ofHours(1))));
    }

    private static JWTClaimsSet claims(
            String subject, Role role, PersonReference person, String issuer, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(TestIssuer.AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(expires.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim(ActorClaims.ROLE, role.name());
        if (person != null) {
            claims.claim(ActorClaims.PERSON, person.value());
        }
        return claims.build();
    }
}
