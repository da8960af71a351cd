package uk.gov.personalbudget.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionJwtValidatorTest {

    private static final String ISSUER = "https://identity.example.org/realms/council";

    @Test
    void acceptsATokenFromTheIssuerForTheAudience() {
        assertThat(validator("budget-service")
                        .validate(jwt(ISSUER, "budget-service", "SYSTEM"))
                        .hasErrors())
                .isFalse();
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        assertThat(validator("x")
                        .validate(jwt("https://elsewhere.example.org", "x", "SYSTEM"))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        Jwt forAnotherService = jwt(ISSUER, "another-service", "SYSTEM");

        assertThat(validator("budget-service").validate(forAnotherService).hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenWithoutExpiryOrLivingLongerThanAllowed() {
        Jwt noExpiry = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .audience(List.of("budget-service"))
                .subject("caller-1")
                .claim(ActorClaims.ROLE, "SYSTEM")
                .claim(ActorClaims.COUNCIL, "leeds")
                .issuedAt(Instant.now())
                .build();
        Jwt forADay = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .audience(List.of("budget-service"))
                .subject("caller-1")
                .claim(ActorClaims.ROLE, "SYSTEM")
                .claim(ActorClaims.COUNCIL, "leeds")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofDays(1)))
                .build();

        assertThat(validator("budget-service").validate(noExpiry).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("exp"));
        assertThat(validator("budget-service").validate(forADay).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("longer than the 60 minutes"));
    }

    @Test
    void aServiceWithoutAnAudienceDoesNotStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(JwtPropertiesOnly.class)
                .withPropertyValues("security.jwt.issuer-uri=" + ISSUER)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("security.jwt.audience")
                        .hasStackTraceContaining("is required"));
        new ApplicationContextRunner()
                .withUserConfiguration(JwtPropertiesOnly.class)
                .withPropertyValues("security.jwt.issuer-uri=" + ISSUER, "security.jwt.audience=budget-service")
                .run(context -> assertThat(context.getBean(JwtProperties.class).maxLifetime())
                        .isEqualTo(Duration.ofHours(1)));
    }

    @EnableConfigurationProperties(JwtProperties.class)
    static class JwtPropertiesOnly {}

    @Test
    void rejectsATokenWhoseClaimsAreNotAnActor() {
        assertThat(validator("budget-service")
                        .validate(jwt(ISSUER, "budget-service", "KING"))
                        .getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("role"));
    }

    private static OAuth2TokenValidator<Jwt> validator(String audience) {
        return ProductionJwtConfiguration.validator(
                new JwtProperties(ISSUER, null, audience, Duration.ofHours(1)), ActorClaimsTest.COUNCILS);
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
