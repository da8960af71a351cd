package uk.gov.personalbudget.budget.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import uk.gov.personalbudget.support.ServiceEdge;
import uk.gov.personalbudget.support.security.ActorClaimsValidator;
import uk.gov.personalbudget.support.security.Councils;
import uk.gov.personalbudget.support.security.TokenLifetimeValidator;
import uk.gov.personalbudget.support.security.VerifiedTokens;

import java.time.Clock;

/**
 * Local development only: the service issues its own tokens ({@code POST /dev/tokens}) with a key pair made at
 * start-up, and accepts only those. Tokens therefore die with the process. It starts only on loopback
 * ({@link LoopbackOnly}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(ServiceEdge.DEV_TOKENS_PROFILE)
class LocalJwtConfiguration {

    @Bean
    RSAKey devTokenSigningKey(@Value("${server.address:}") String serverAddress) {
        LoopbackOnly.require(serverAddress);
        return DevTokenIssuer.generateKey();
    }

    @Bean
    DevTokenIssuer devTokenIssuer(RSAKey devTokenSigningKey) {
        return new DevTokenIssuer(devTokenSigningKey, Clock.systemUTC());
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey devTokenSigningKey, Councils councils) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(devTokenSigningKey.toRSAPublicKey())
                .build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(DevTokenIssuer.ISSUER),
                new JwtAudienceValidator(DevTokenIssuer.AUDIENCE),
                new TokenLifetimeValidator(DevTokenIssuer.VALIDITY, Clock.systemUTC()),
                new ActorClaimsValidator(councils));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator);
    }

    /** Ahead of the API chain: anyone may ask for a development token or its public key. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain devTokenSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(DevTokenController.PATH, DevTokenController.JWKS_PATH)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
