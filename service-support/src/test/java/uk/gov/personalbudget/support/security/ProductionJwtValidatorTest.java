package uk.gov.personalbudget.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionJwtValidatorTest {

    private static final String ISSUER = "https://identity.example.org/realms/council";

    @Test
    void acceptsATokenFromTheIssuerForTheAudience() {
        assertThat(validator("budget-service").validate(jwt(ISSUER, "budget-service", "SYSTEM")).hasErrors())
                .isFalse();
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        assertThat(validator(null).validate(jwt("https://elsewhere.example.org", "x", "SYSTEM")).hasErrors())
                .isTrue();
    }

    @Test
    void checksTheAudienceOnlyWhenOneIsConfigured() {
        Jwt forAnotherService = jwt(ISSUER, "another-service", "SYSTEM");

        assertThat(validator("budget-service").validate(forAnotherService).hasErrors()).isTrue();
        assertThat(validator("").validate(forAnotherService).hasErrors()).isFalse();
    }

    @Test
    void rejectsATokenWhoseClaimsAreNotAnActor() {
        assertThat(validator(null).validate(jwt(ISSUER, "budget-service", "KING")).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("role"));
    }

    private static OAuth2TokenValidator<Jwt> validator(String audience) {
        return ProductionJwtConfiguration.validator(new JwtProperties(ISSUER, null, audience), ActorClaimsTest.COUNCILS);
    }

    private static Jwt jwt(String issuer, String audience, String role) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(issuer)
                .audience(List.of(audience))
                .subject("caller-1")
                .claim(ActorClaims.ROLE, role)
                .claim(ActorClaims.COUNCIL, "leeds")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
    }
}
