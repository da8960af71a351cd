package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.budget.eventstore.MetaDataReading;
import uk.gov.personalbudget.support.personaldata.PersonKeys;
import uk.gov.personalbudget.support.personaldata.PersonalDataConfiguration;
import uk.gov.personalbudget.support.personaldata.PersonalDataModule;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;

import javax.sql.DataSource;

/**
 * Personal data in budget-service: the key store (which this service creates and migrates), the event
 * serializer that seals personal text as events are stored, and what erasure needs (the person-budget index and the
 * erasure requests). Defining the {@code eventSerializer} bean makes
 * Axon's auto-configuration use it for the event store (and publication, which sends its bytes as stored),
 * while snapshots, tokens and messages keep Axon's general serializer: they hold no personal text.
 */
@Configuration(proxyBeanMethods = false)
@Import(PersonalDataConfiguration.class)
@EnableConfigurationProperties(ErasureProperties.class)
class PersonalDataEventsConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(
            ObjectMapper objectMapper,
            RevisionResolver revisionResolver,
            DataSource dataSource,
            EventSchema eventSchema,
            PersonKeys keys,
            PersonalDataReader reader) {
        JacksonSerializer.Builder builder = JacksonSerializer.builder()
                .objectMapper(objectMapper.copy().registerModule(new PersonalDataModule()))
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(getClass().getClassLoader()));
        BudgetPersons persons = new BudgetPersons(new JdbcTemplate(dataSource), eventSchema, objectMapper);
        PersonalDataEventSerializer serializer = new PersonalDataEventSerializer(builder, persons, keys, reader);
        // After Axon's serializer registered its own meta-data deserializer: the last one registered is found first.
        serializer.getObjectMapper().registerModule(MetaDataReading.module());
        return serializer;
    }

    @Bean
    PersonBudgetIndex personBudgetIndex(DataSource dataSource) {
        return new PersonBudgetIndex(new JdbcTemplate(dataSource));
    }

    /** Subscribes the index to the event store at start-up, as Axon subscribes its subscribing processors. */
    @Bean
    ConfigurerModule personBudgetIndexSubscription(PersonBudgetIndex index) {
        return configurer -> configurer.onInitialize(
                config -> config.onStart(() -> config.eventBus().subscribe(index)));
    }

    @Bean
    ErasureRequests erasureRequests(DataSource dataSource) {
        return new ErasureRequests(new JdbcTemplate(dataSource));
    }
}
