package uk.gov.personalbudget.budget.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The event processors' state, part of readiness: DOWN when a processor is not running, or is failing while Kafka
 * answers (a fault of ours, such as an event it cannot publish, that needs a person). A processor failing only
 * because Kafka cannot be reached is UP with state {@code WAITING_FOR_KAFKA}: commands are stored meanwhile and
 * published when Kafka is back, so taking the service out of rotation would turn a Kafka outage into a full one.
 */
class EventProcessorsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final BooleanSupplier kafkaReachable;

    public EventProcessorsHealth(EventProcessingConfiguration processing, BooleanSupplier kafkaReachable) {
        this.processing = processing;
        this.kafkaReachable = kafkaReachable;
    }

    @Override
    public Health health() {
        Map<String, ProcessorState> states = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> states.put(name, stateOf(processor)));
        Status status = states.values().stream().anyMatch(ProcessorState::makesNotReady) ? Status.DOWN : Status.UP;
        return Health.status(status).withDetails(Map.copyOf(states)).build();
    }

    private ProcessorState stateOf(org.axonframework.eventhandling.EventProcessor processor) {
        if (!processor.isRunning()) {
            return ProcessorState.STOPPED;
        }
        boolean failing = processor.isError()
                || (processor instanceof StreamingEventProcessor streaming
                        && streaming.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState));
        if (!failing) {
            return ProcessorState.RUNNING;
        }
        return kafkaReachable.getAsBoolean() ? ProcessorState.FAILING : ProcessorState.WAITING_FOR_KAFKA;
    }

    enum ProcessorState {
        RUNNING,
        WAITING_FOR_KAFKA,
        FAILING,
        STOPPED;

        boolean makesNotReady() {
            return this == FAILING || this == STOPPED;
        }
    }
}
