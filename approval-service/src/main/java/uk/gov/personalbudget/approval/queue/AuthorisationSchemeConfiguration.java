package uk.gov.personalbudget.approval.queue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;

/** The scheme of authorisation the approval queue reads levels from, out of the configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthorisationSchemeProperties.class)
public class AuthorisationSchemeConfiguration {

    @Bean
    AuthorisationScheme authorisationScheme(AuthorisationSchemeProperties properties) {
        return properties.scheme();
    }
}
