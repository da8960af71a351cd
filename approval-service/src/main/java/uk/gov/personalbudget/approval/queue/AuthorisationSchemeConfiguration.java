package uk.gov.personalbudget.approval.queue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;
import uk.gov.personalbudget.approval.projection.TimelinessThresholds;

/**
 * The scheme of authorisation the approval queue reads levels from, and the councils' timeliness thresholds the queue
 * and the timeliness report read due dates from, out of the configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthorisationSchemeProperties.class, TimelinessProperties.class})
public class AuthorisationSchemeConfiguration {

    @Bean
    AuthorisationScheme authorisationScheme(AuthorisationSchemeProperties properties) {
        return properties.scheme();
    }

    @Bean
    TimelinessThresholds timelinessThresholds(TimelinessProperties properties) {
        return properties.thresholds();
    }
}
