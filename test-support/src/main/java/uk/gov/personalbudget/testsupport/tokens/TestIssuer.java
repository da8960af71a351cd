package uk.gov.personalbudget.testsupport.tokens;

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
import java.util.List;
import java.util.UUID;

/**
 * The council's identity provider as the production decoder sees it: RSA-signed tokens with an issuer and an
 * audience, the public key served as a JWK set on a loopback port. {@link #register} points
 * {@code security.jwt.*} at it, so every token a test sends is checked for signature, expiry, issuer,
 * audience and claims, as in production.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://idp.council.test/personal-budget";
    public static final String AUDIENCE = "personal-budget-api";

    private static TestIssuer instance;

    private final RSAKey key = generateKey();
    private final String jwkSetUri;

    private TestIssuer() {
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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
            jwkSetUri = "http://" + server.getAddress().getHostString() + ":"
                    + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException("could not serve the test key set", e);
        }
    }

    /** The one issuer of this JVM, started on first use. */
    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    /** Makes the service trust this issuer and require its audience. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("security.jwt.issuer-uri", () -> ISSUER);
        registry.add("security.jwt.jwk-set-uri", () -> jwkSetUri);
        registry.add("security.jwt.audience", () -> AUDIENCE);
        registry.add("security.councils.served", () -> TokenHolder.SERVED_COUNCILS);
    }

    /**
     * The same for a service run as a child process ({@code ServiceProcess}, local profile): its
     * {@code security.jwt.*} arguments, and the local profile's group emptied, since budget-service's brings the
     * {@code dev-tokens} profile, whose instance signs tokens with a key of its own and accepts only those. All
     * instances started with these accept the same tokens, as behind one identity provider.
     */
    public List<String> serviceArguments() {
        return List.of(
                "--spring.profiles.group.local=",
                "--security.jwt.issuer-uri=" + ISSUER,
                "--security.jwt.jwk-set-uri=" + jwkSetUri,
                "--security.jwt.audience=" + AUDIENCE,
                "--security.councils.served=" + TokenHolder.SERVED_COUNCILS);
    }

    /** Where the issuer's public key set is served. */
    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** A valid token for the caller, good for an hour from a minute ago (the longest the services accept). */
    public String token(TokenHolder caller) {
        return sign(claims(caller).build());
    }

    /** The claims of a valid token for the caller, to be spoilt by a test. */
    public JWTClaimsSet.Builder claims(TokenHolder caller) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.sub())
                .issueTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(59))))
                .jwtID(UUID.randomUUID().toString())
                .claim(ActorClaims.ROLE, caller.role().name());
        if (caller.person() != null) {
            claims.claim(ActorClaims.PERSON, caller.person());
        }
        if (caller.authorisationLimit() != null) {
            claims.claim(ActorClaims.AUTHORISATION_LIMIT, caller.authorisationLimit());
        }
        if (caller.council() != null) {
            claims.claim(ActorClaims.COUNCIL, caller.council());
        }
        return claims;
    }

    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** Signed with a key the service has never seen. */
    public String signWithAnotherKey(JWTClaimsSet claims) {
        return sign(generateKey(), claims);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
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
