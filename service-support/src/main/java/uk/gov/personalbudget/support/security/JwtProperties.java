package uk.gov.personalbudget.support.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where production tokens come from ({@code security.jwt.*}).
 *
 * @param issuerUri the issuer every token's {@code iss} must equal; also where the key set is discovered from
 *                  when {@code jwkSetUri} is blank
 * @param jwkSetUri the issuer's JSON Web Key Set, when it should not be discovered from the issuer
 * @param audience  when not blank, every token's {@code aud} must contain it
 */
@Validated
@ConfigurationProperties("security.jwt")
public record JwtProperties(@NotBlank String issuerUri, String jwkSetUri, String audience) {
}
