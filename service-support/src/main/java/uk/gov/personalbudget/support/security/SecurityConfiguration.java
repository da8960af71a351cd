package uk.gov.personalbudget.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API is an OAuth2 resource server: every call under {@code /api} carries a bearer JWT, nothing is kept in
 * a session, and the documentation and health endpoints are open. The {@code JwtDecoder} comes from
 * {@link ProductionJwtConfiguration} or, with development tokens, from the service that issues them.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI's page loads its own scripts and styles (some inline) and images. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; " + "img-src 'self' data:; frame-ancestors 'none'";

    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            new AntPathRequestMatcher("/swagger-ui/**"), new AntPathRequestMatcher("/swagger-ui.html"));

    @Bean
    SecurityProblems securityProblems(ObjectMapper objectMapper) {
        return new SecurityProblems(objectMapper);
    }

    /**
     * Spring Security observes nothing: each request is observed once, as a whole (http.server.requests and its
     * span). Turning its observations off by property alone still wraps every filter of every request in an
     * observation that does nothing, which cost 4 % of the request threads' CPU (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, SecurityProblems problems) throws Exception {
        http
                // Bearer tokens are not sent automatically by browsers, so there is no CSRF to defend against.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // On every answer, as on the console's pages: no sniffing, framing, caching (Spring Security's
                // defaults), and no content, scripts or referrer: an API answer is data, never a page.
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI),
                                new StaticHeadersWriter("Content-Security-Policy", API_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI,
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests
                        // Served only where springdoc is enabled (the local profile); elsewhere these paths are 404s.
                        // The
                        // same for budget-service's AsyncAPI document of its topic (budget.asyncapi.enabled).
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/asyncapi.json")
                        .permitAll()
                        // Probes and the Prometheus scrape: no personal data, and orchestrators send no tokens. Keep
                        // /actuator off any ingress (deploy/README.md).
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        // Every other actuator path is refused, with or without a token, whatever is exposed.
                        .requestMatchers("/actuator", "/actuator/**")
                        .denyAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // Everything else, /api/** above all, needs a valid token.
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        // The configurer offers no failure handler; without one an unreachable key set is a 500.
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Authorities {@code ROLE_<role>} from the role claim, so {@code hasRole(...)} works where wanted. */
    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ActorClaims.ROLE);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(ActorClaims.SUBJECT);
        return converter;
    }
}
