package uk.gov.personalbudget.support.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token must say when it expires, and may not live longer than {@code maxLifetime}: from its {@code iat} when it
 * has one, and never beyond that from now. Spring's own timestamp check only refuses a token past its {@code exp}; a
 * token without one, or good for a year, would pass it.
 */
public final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

    /** Clocks of the issuer and this service may disagree by this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Duration maxLifetime;
    private final Clock clock;

    public TokenLifetimeValidator(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return invalid("the token has no exp claim: every token must say when it expires");
        }
        Instant latest = clock.instant().plus(maxLifetime).plus(CLOCK_SKEW);
        Instant issuedAt = jwt.getIssuedAt();
        if (expiresAt.isAfter(latest)
                || issuedAt != null && Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            return invalid("the token lives longer than the " + maxLifetime.toMinutes()
                    + " minutes this service accepts (security.jwt.max-lifetime)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
