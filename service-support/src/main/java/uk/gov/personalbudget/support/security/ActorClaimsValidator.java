package uk.gov.personalbudget.support.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Rejects, as an invalid token, a JWT whose claims do not describe an {@link ActorClaims actor}. */
public final class ActorClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private final Councils councils;

    public ActorClaimsValidator(Councils councils) {
        this.councils = councils;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        try {
            ActorClaims.actorOf(jwt, councils);
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException invalid) {
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, invalid.getMessage(), null));
        }
    }
}
