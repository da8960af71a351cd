package uk.gov.personalbudget.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * A {@link JwtDecoder} that verifies a token's signature once and remembers the token for a while, as callers send the
 * same token with every request until it expires. Parsing and the RSA signature check were a fifth of a command's
 * security cost (docs/benchmarks.md). Every claim is still validated on every request, so expiry, issuer, audience,
 * lifetime and the actor's claims hold exactly as without it; what is remembered is only that these very bytes were
 * signed by a key the issuer published. A key withdrawn from the issuer's key set is therefore honoured for at most
 * {@link #REMEMBER_FOR} longer, as long as Spring caches the key set itself.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** As long as Spring's {@code NimbusJwtDecoder} keeps a fetched key set. */
    public static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    /** About as many callers as are active within {@link #REMEMBER_FOR}; a few MB at most. */
    public static final long MAX_TOKENS = 10_000;

    private static final String INVALID = "An error occurred while attempting to decode the Jwt: %s";

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  parses, verifies and validates a token not seen before
     * @param validator the same claim validation the verifier applies, run again on each remembered token
     */
    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this(verifier, validator, Ticker.systemTicker());
    }

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Ticker ticker) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(REMEMBER_FOR)
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(messageOf(result), result.getErrors());
        }
        return remembered;
    }

    /** As {@code NimbusJwtDecoder} words it: the first error's description. */
    private static String messageOf(OAuth2TokenValidatorResult result) {
        return result.getErrors().stream()
                .map(OAuth2Error::getDescription)
                .filter(description -> description != null && !description.isEmpty())
                .findFirst()
                .map(description -> String.format(INVALID, description))
                .orElse("Unable to validate Jwt");
    }
}
