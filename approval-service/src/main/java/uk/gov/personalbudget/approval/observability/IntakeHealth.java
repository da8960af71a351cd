package uk.gov.personalbudget.approval.observability;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The intake of budget events, part of readiness: DOWN when its listener container is not running or the last
 * batch could not be stored (an event it cannot read, a projection that fails): the consumer then retries that
 * batch and goes no further, so every answer would be missing what came after it.
 */
public class IntakeHealth implements HealthIndicator {

    private final KafkaListenerEndpointRegistry listeners;
    private final String listenerId;
    private final IntakeStatus status;

    public IntakeHealth(KafkaListenerEndpointRegistry listeners, String listenerId, IntakeStatus status) {
        this.listeners = listeners;
        this.listenerId = listenerId;
        this.status = status;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        if (container == null || !container.isRunning()) {
            return Health.down().withDetail("state", "STOPPED").build();
        }
        return status.failing()
                .map(failure -> Health.down().withDetail("state", "FAILING")
                        .withDetail("cause", failure.cause()).withDetail("since", failure.since().toString()).build())
                .orElseGet(() -> Health.up().withDetail("state", "RUNNING").build());
    }
}
