package uk.gov.personalbudget.testsupport.openapi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * Registers {@link ObservedStatuses} in every servlet application context of a test JVM whose build sets {@link
 * ObservedStatuses#PROPERTY}: test scope only, since test-support is on no service's runtime class path.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(ObservedStatuses.PROPERTY)
public class ObservedStatusesConfiguration {

    @Bean
    FilterRegistrationBean<ObservedStatuses> observedStatuses(Environment environment) {
        FilterRegistrationBean<ObservedStatuses> registration = new FilterRegistrationBean<>(
                new ObservedStatuses(Path.of(environment.getRequiredProperty(ObservedStatuses.PROPERTY))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
