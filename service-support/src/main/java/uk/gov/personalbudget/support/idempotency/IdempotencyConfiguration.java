package uk.gov.personalbudget.support.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.AntPathMatcher;
import uk.gov.personalbudget.support.web.ApiDocumentation;

import java.time.Clock;

/**
 * {@code Idempotency-Key} on every POST under {@code idempotency.path-patterns}, kept in the service's database
 * ({@link JdbcIdempotencyStore#TABLE}), and documented on those operations of the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
@ConditionalOnProperty(name = "idempotency.enabled", matchIfMissing = true)
public class IdempotencyConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore idempotencyStore(
            JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<Clock> clock, IdempotencyProperties properties) {
        return new JdbcIdempotencyStore(
                jdbc,
                json,
                clock.getIfAvailable(Clock::systemUTC),
                properties.retention(),
                properties.inProgressTimeout(),
                properties.maxKeysPerCaller());
    }

    /** Just behind Spring Security's filters: the caller is known, and unauthenticated requests never get here. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, ObjectMapper json, IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, json, properties.pathPatterns()));
        // Behind the per-caller request limit (RateLimitConfiguration), which refuses a flood before any key is kept.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store, IdempotencyProperties properties) {
        return new IdempotencyCleanup(store, properties.cleanupInterval());
    }

    @Bean
    OpenApiCustomizer idempotencyKeyParameter(IdempotencyProperties properties) {
        AntPathMatcher matcher = new AntPathMatcher();
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (item.getPost() != null
                        && properties.pathPatterns().stream().anyMatch(pattern -> matcher.match(pattern, path))) {
                    Operation post = item.getPost();
                    post.addParametersItem(idempotencyKey());
                    ApiDocumentation.refusal(post, HttpStatus.BAD_REQUEST, "A parameter or the body is invalid");
                    ApiDocumentation.refusal(
                            post, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still running");
                    ApiDocumentation.refusal(
                            post,
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "This Idempotency-Key was used for a different request");
                    ApiDocumentation.refusal(
                            post, HttpStatus.TOO_MANY_REQUESTS, "The caller holds as many keys as they may");
                    ApiDocumentation.successes(post)
                            .forEach(success ->
                                    ApiDocumentation.header(success, IdempotencyFilter.REPLAYED_HEADER, replayed()));
                    ApiDocumentation.sortResponses(post);
                }
            });
        };
    }

    private static Header replayed() {
        return new Header()
                .description("true when this is the kept answer to an earlier request with the same Idempotency-Key")
                .schema(new BooleanSchema());
    }

    private static Parameter idempotencyKey() {
        return new HeaderParameter()
                .name(IdempotencyFilter.HEADER)
                .required(false)
                .description("Makes a retry safe: a request with the key of an earlier one from the same caller, "
                        + "the same path and the same body gets that earlier answer again (status, Location, "
                        + "ETag, body; header Idempotent-Replayed: true) and does nothing. The same key with "
                        + "another request is a 422 (idempotency-key-reused); while the first request is still "
                        + "running, a 409 (idempotency-key-in-use). Answers below 500 are kept, for 24 hours by "
                        + "default; a 5xx is not, so a retry runs. 1 to 255 visible ASCII characters, e.g. a UUID.")
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(IdempotencyFilter.MAX_KEY_LENGTH)
                        .pattern("^[\\x21-\\x7E]+$"));
    }
}
