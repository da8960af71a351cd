package uk.gov.personalbudget.budget.observability;

import io.micrometer.observation.ObservationRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.support.observability.HealthMetrics;
import uk.gov.personalbudget.support.observability.KafkaBrokerHealth;

import java.util.List;

/**
 * budget-service's health components and meters beyond Spring Boot's and Axon's own: {@code eventProcessors} in
 * /actuator/health and in readiness (application.yml; {@code kafka} is declared with publication), the processors'
 * positions, and each command's observation.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    public CommandObservation commandObservation(ObjectProvider<ObservationRegistry> observations) {
        return new CommandObservation(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean("eventProcessors")
    public EventProcessorsHealth eventProcessorsHealth(
            EventProcessingConfiguration processing, ObjectProvider<KafkaBrokerHealth> kafka) {
        return new EventProcessorsHealth(
                processing,
                () -> kafka.getIfAvailable() != null && kafka.getObject().reachable());
    }

    /** The probes' answers as gauges, for the not-ready and Kafka alerts (deploy/observability). */
    @Bean
    public HealthMetrics healthMetrics(HealthEndpoint health) {
        return new HealthMetrics(health, List.of("readiness", "liveness", "db", "eventProcessors", "kafka"));
    }

    @Bean
    public ProcessorMetrics eventProcessorPositionMetrics(
            EventProcessingConfiguration processing,
            EventStorageEngine events,
            JdbcTemplate jdbc,
            Serializer serializer) {
        return new ProcessorMetrics(processing, events, jdbc, serializer);
    }
}
