package uk.gov.personalbudget.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import uk.gov.personalbudget.support.idempotency.IdempotencyConfiguration;
import uk.gov.personalbudget.support.ratelimit.RateLimitConfiguration;
import uk.gov.personalbudget.support.security.ActorWebConfiguration;
import uk.gov.personalbudget.support.security.ProductionJwtConfiguration;
import uk.gov.personalbudget.support.security.SecurityConfiguration;
import uk.gov.personalbudget.support.web.ApiDocumentationConfiguration;
import uk.gov.personalbudget.support.web.ApiJsonConfiguration;
import uk.gov.personalbudget.support.web.ProblemErrorController;
import uk.gov.personalbudget.support.web.RequestLimitsConfiguration;

/**
 * What both services share at their HTTP edge: bearer JWTs, their claims as an {@code Actor}, strict JSON
 * reading, a limit on request bodies and on each caller's requests (429), 401/403/413 and the container's error
 * page as problem details, and
 * {@code Idempotency-Key} on POSTs (each service's database holds the keys, table {@code idempotent_request}), and
 * the refusals of the OpenAPI document written once each.
 * A service imports this once on its application class.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    SecurityConfiguration.class,
    ProductionJwtConfiguration.class,
    ActorWebConfiguration.class,
    ApiJsonConfiguration.class,
    RequestLimitsConfiguration.class,
    RateLimitConfiguration.class,
    IdempotencyConfiguration.class,
    ProblemErrorController.class,
    // Last: its customizer of the OpenAPI document must run after every other (springdoc keeps registration order).
    ApiDocumentationConfiguration.class
})
public class ServiceEdge {

    /**
     * The profile in which a service issues its own development tokens and trusts only them (budget-service
     * in the {@code local} profile); without it, tokens are checked against {@code security.jwt.*}.
     */
    public static final String DEV_TOKENS_PROFILE = "dev-tokens";
}
