package uk.gov.personalbudget.support.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Where production tokens come from ({@code security.jwt.*}). A service does not start without an issuer and an
 * audience: a token meant for another service of the same identity provider must never be accepted here.
 *
 * @param issuerUri   the issuer every token's {@code iss} must equal; also where the key set is discovered from
 *                    when {@code jwkSetUri} is blank
 * @param jwkSetUri   the issuer's JSON Web Key Set, when it should not be discovered from the issuer
 * @param audience    every token's {@code aud} must contain it (the same for both services: approval-service
 *                    forwards its caller's token to budget-service)
 * @param maxLifetime the longest a token may live, from its {@code iat} (and from now); {@code exp} is required
 */
@Validated
@ConfigurationProperties("security.jwt")
public record JwtProperties(
        @NotBlank String issuerUri,
        String jwkSetUri,

        @NotBlank(message = "is required: set the audience every token must be for")
        String audience,

        @NotNull @DefaultValue("1h") Duration maxLifetime) {}
