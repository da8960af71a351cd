package uk.gov.personalbudget.testsupport.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import uk.gov.personalbudget.support.security.ActorClaims;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Authorization headers the service must answer with a 401, each named for what is wrong with it. */
public final class BadTokens {

    /** One bad {@code Authorization} header. */
    public record BadToken(String what, String authorization) {

        @Override
        public String toString() {
            return what;
        }
    }

    private BadTokens() {}

    /** Every kind of bad token we know of, each otherwise a valid token for {@code caller}. */
    public static List<BadToken> forCaller(TestIssuer issuer, TokenHolder caller) {
        Instant now = Instant.now();
        String valid = issuer.token(caller);
        return List.of(
                bearer(
                        "expired",
                        issuer.sign(issuer.claims(caller)
                                .issueTime(Date.from(now.minus(Duration.ofHours(3))))
                                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                                .build())),
                bearer(
                        "not valid yet",
                        issuer.sign(issuer.claims(caller)
                                .notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                                .build())),
                bearer(
                        "signed by another key",
                        issuer.signWithAnotherKey(issuer.claims(caller).build())),
                bearer(
                        "payload changed after signing",
                        withPayload(
                                valid,
                                issuer.claims(caller)
                                        .claim(ActorClaims.ROLE, "AUTHORITY")
                                        .claim(ActorClaims.AUTHORISATION_LIMIT, Long.MAX_VALUE)
                                        .build())),
                bearer(
                        "another issuer",
                        issuer.sign(issuer.claims(caller)
                                .issuer("https://idp.elsewhere.test")
                                .build())),
                bearer(
                        "another audience",
                        issuer.sign(
                                issuer.claims(caller).audience("another-api").build())),
                bearer(
                        "no audience",
                        issuer.sign(
                                issuer.claims(caller).audience((String) null).build())),
                bearer(
                        "no role",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.ROLE, null)
                                .build())),
                bearer(
                        "unknown role",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.ROLE, "ADMIN")
                                .build())),
                bearer(
                        "role in lower case",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.ROLE, caller.role().name().toLowerCase())
                                .build())),
                bearer(
                        "role as a list",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.ROLE, List.of(caller.role().name()))
                                .build())),
                bearer(
                        "no subject",
                        issuer.sign(issuer.claims(caller).subject(null).build())),
                bearer(
                        "blank subject",
                        issuer.sign(issuer.claims(caller).subject(" ").build())),
                bearer(
                        "person that is not a reference",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.PERSON, "P 1001/../P-2002")
                                .build())),
                bearer(
                        "negative authorisation limit",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.AUTHORISATION_LIMIT, -1)
                                .build())),
                bearer(
                        "fractional authorisation limit",
                        issuer.sign(issuer.claims(caller)
                                .claim(ActorClaims.AUTHORISATION_LIMIT, 1.5)
                                .build())),
                bearer("unsigned (alg none)", new PlainJWT(issuer.claims(caller).build()).serialize()),
                bearer("HMAC-signed", hmacSigned(issuer.claims(caller).build())),
                bearer("signature removed", valid.substring(0, valid.lastIndexOf('.') + 1)),
                bearer("not a JWT", "not-a-jwt"),
                bearer("three garbage parts", "a.b.c"),
                new BadToken("empty bearer", "Bearer "),
                new BadToken(
                        "another scheme",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("p-amara:password".getBytes(StandardCharsets.UTF_8))),
                new BadToken("token without scheme", valid));
    }

    private static BadToken bearer(String what, String token) {
        return new BadToken(what, "Bearer " + token);
    }

    private static String withPayload(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String hmacSigned(JWTClaimsSet claims) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
