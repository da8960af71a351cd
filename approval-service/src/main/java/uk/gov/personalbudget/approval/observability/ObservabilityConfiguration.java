package uk.gov.personalbudget.approval.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import uk.gov.personalbudget.approval.intake.IntakeStatus;
import uk.gov.personalbudget.approval.intake.IntakeSwitch;
import uk.gov.personalbudget.approval.intake.IntakeTracing;
import uk.gov.personalbudget.approval.replay.ReplayService;
import uk.gov.personalbudget.support.observability.HealthMetrics;
import uk.gov.personalbudget.support.observability.KafkaBrokerHealth;

import java.time.Clock;
import java.util.List;

/**
 * approval-service's health components and meters beyond Spring Boot's own: {@code budgetEventIntake} (in
 * readiness, application.yml) and {@code kafka} in /actuator/health, the consumer group's lag and position, replay
 * progress, and the spans of each consumed record.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    public IntakeStatus intakeStatus() {
        return new IntakeStatus();
    }

    @Bean("budgetEventIntake")
    public IntakeHealth intakeHealth(IntakeSwitch intake, IntakeStatus status, ReplayService replays) {
        return new IntakeHealth(intake, status, replays::intakePausedForReplay);
    }

    @Bean("kafka")
    public KafkaBrokerHealth kafkaHealth(KafkaAdmin kafkaAdmin, Clock clock) {
        return new KafkaBrokerHealth(kafkaAdmin.getConfigurationProperties(), clock);
    }

    @Bean
    public IntakeLagMetrics intakeLagMetrics(
            KafkaAdmin kafkaAdmin,
            @Value("${approval.kafka.topic}") String topic,
            @Value("${spring.kafka.consumer.group-id}") String group,
            Clock clock) {
        return new IntakeLagMetrics(kafkaAdmin.getConfigurationProperties(), topic, group, clock);
    }

    /** The probes' answers as gauges, for the not-ready and Kafka alerts (deploy/observability). */
    @Bean
    public HealthMetrics healthMetrics(HealthEndpoint health) {
        return new HealthMetrics(health, List.of("readiness", "liveness", "db", "budgetEventIntake", "kafka"));
    }

    @Bean
    public ReplayMetrics replayMetrics(ReplayService replays) {
        return new ReplayMetrics(replays);
    }

    /** Without Micrometer Tracing (some test slices) the spans are no-ops. */
    @Bean
    public IntakeTracing intakeTracing(
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, MeterRegistry meters) {
        return new IntakeTracing(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP), meters);
    }
}
