package uk.gov.personalbudget.support.personaldata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The persons' keys and the reading of sealed personal data, for a service that imports this: its key store
 * ({@code personal-data.keys.*}), the key cache, the reader, and the problem details of personal data failures.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataKeysProperties.class)
public class PersonalDataConfiguration {

    @Bean(destroyMethod = "close")
    public PersonKeyStore personKeyStore(PersonalDataKeysProperties properties) {
        return PersonKeyStore.open(properties.datasource(), properties.migrate());
    }

    /** On the system clock, not a service's Clock bean: the event serializer needs this early in start-up. */
    @Bean
    public PersonKeys personKeys(PersonKeyStore store, PersonalDataKeysProperties properties) {
        return new PersonKeys(store, properties.cacheTtl(), Clock.systemUTC());
    }

    @Bean
    public PersonalDataReader personalDataReader(PersonKeys keys) {
        return new PersonalDataReader(keys);
    }

    @Bean
    public PersonalDataProblems personalDataProblems() {
        return new PersonalDataProblems();
    }
}
