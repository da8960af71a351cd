package uk.gov.personalbudget.support.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A request limit per caller on every authenticated request ({@code api.rate-limit.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "api.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    /** Just behind Spring Security (the caller is known), ahead of Idempotency-Key handling. */
    @Bean
    FilterRegistrationBean<CallerRateLimit> callerRateLimit(
            RateLimitProperties properties, ObjectMapper json, MeterRegistry meters) {
        FilterRegistrationBean<CallerRateLimit> registration =
                new FilterRegistrationBean<>(new CallerRateLimit(properties, json, meters));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
