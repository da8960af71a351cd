package uk.gov.personalbudget.support.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;
import uk.gov.personalbudget.support.ServiceEdge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens from an issuer's key set, checked for signature, expiry, issuer, audience and claims: the council's
 * identity provider in production; budget-service's development key set for approval-service run locally.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + ServiceEdge.DEV_TOKENS_PROFILE)
@EnableConfigurationProperties(JwtProperties.class)
public class ProductionJwtConfiguration {

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, Councils councils) {
        OAuth2TokenValidator<Jwt> validator = validator(properties, councils);
        // Lazily, so the service starts (and reports health) while the identity provider is unreachable.
        return new VerifiedTokens(
                new SupplierJwtDecoder(() -> {
                    NimbusJwtDecoder decoder = StringUtils.hasText(properties.jwkSetUri())
                            ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                                    .build()
                            : (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
                    decoder.setJwtValidator(validator);
                    return decoder;
                }),
                validator);
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, Councils councils) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtIssuerValidator(properties.issuerUri()));
        validators.add(new JwtAudienceValidator(properties.audience()));
        validators.add(new TokenLifetimeValidator(properties.maxLifetime(), Clock.systemUTC()));
        validators.add(new ActorClaimsValidator(councils));
        return JwtValidators.createDefaultWithValidators(validators);
    }
}
