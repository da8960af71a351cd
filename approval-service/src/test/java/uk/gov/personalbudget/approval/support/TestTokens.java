package uk.gov.personalbudget.approval.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.security.ActorClaims;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Tokens as the council's identity provider issues them, signed with an RSA key this JVM generates. The key's
 * public half is served as a JSON Web Key Set on a local port, and {@link #register} points
 * {@code security.jwt.*} at it, so the production decoder (signature, expiry, issuer, claims) checks every
 * token a test sends.
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.council.test/personal-budget";

    private static TestTokens instance;

    private final RSAKey key;
    private final String jwkSetUri;

    private TestTokens() {
        key = generateKey();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
            jwkSetUri = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve the test key set", e);
        }
    }

    /** The one issuer of this JVM, started on first use. */
    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    /** Makes the service trust this issuer, whatever the active profiles say. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("security.jwt.issuer-uri", () -> ISSUER);
        registry.add("security.jwt.jwk-set-uri", () -> jwkSetUri);
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
        return sign(key, claims(subject, role, person, ISSUER, Instant.now().plus(Duration.ofHours(1))));
    }

    /** Well formed, but signed with a key the service has never seen. */
    public String signedByAnotherKey(Role role) {
        return sign(generateKey(), claims("intruder", role, null, ISSUER, Instant.now().plus(Duration.ofHours(1))));
    }

    public String fromAnotherIssuer(Role role) {
        return sign(key, claims("elsewhere", role, null, "https://idp.other.test", Instant.now().plus(Duration.ofHours(1))));
    }

    public String expired(Role role) {
        return sign(key, claims("late", role, null, ISSUER, Instant.now().minus(Duration.ofHours(1))));
    }

    private static JWTClaimsSet claims(String subject, Role role, PersonReference person, String issuer,
                                       Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(expires.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim(ActorClaims.ROLE, role.name());
        if (person != null) {
            claims.claim(ActorClaims.PERSON, person.value());
        }
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a test signing key", e);
        }
    }
}
