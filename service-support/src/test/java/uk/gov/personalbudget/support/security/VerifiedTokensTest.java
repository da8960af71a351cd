package uk.gov.personalbudget.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-05T10:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private Clock now = Clock.fixed(ISSUED.plusSeconds(60), ZoneOffset.UTC);

    /** The issuer's signature and every claim, as the real decoder checks them: here a token "good-…" is signed. */
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
        }
        return jwt(token);
    };

    private JwtTimestampValidator claims() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.instant();
            }
        });
        return timestamps;
    }

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, claims(), nanos::get);

    @Test
    void aTokenIsVerifiedOnceAndRememberedForItsNextRequests() {
        Jwt first = tokens.decode("good-1");
        Jwt second = tokens.decode("good-1");
        tokens.decode("good-2");

        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("good-1", "good-2");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsClaimsNoLongerHold() {
        tokens.decode("good-1");
        now = Clock.fixed(ISSUED.plus(Duration.ofMinutes(5)).plusSeconds(1), ZoneOffset.UTC);

        assertThatThrownBy(() -> tokens.decode("good-1"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageStartingWith("An error occurred while attempting to decode the Jwt: Jwt expired at");
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasBeenRememberedForFiveMinutes() {
        tokens.decode("good-1");
        nanos.addAndGet(VerifiedTokens.REMEMBER_FOR.minusSeconds(1).toNanos());
        tokens.decode("good-1");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        tokens.decode("good-1");

        assertThat(verifications).containsExactly("good-1", "good-1");
    }

    /** Issued at {@link #ISSUED}, expires five minutes later. */
    private static Jwt jwt(String token) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("pr-ellis")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(5)))
                .build();
    }
}
