package uk.gov.personalbudget.approval.intake;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Stops and starts this instance's intake of budget events (the {@link BudgetEventListener}'s container), for a
 * replay that must pause intake on every instance, and says whether it runs, for the intake's health.
 */
@Component
public class IntakeSwitch {

    private final KafkaListenerEndpointRegistry listeners;

    IntakeSwitch(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    /** Whether this instance consumes budget events now. */
    public boolean isRunning() {
        MessageListenerContainer container = listeners.getListenerContainer(BudgetEventListener.ID);
        return container != null && container.isRunning();
    }

    /** Stops consuming: the consumer leaves the group. */
    public void stop() {
        MessageListenerContainer container = listeners.getListenerContainer(BudgetEventListener.ID);
        if (container != null) {
            container.stop();
        }
    }

    /** Consumes again, from the group's committed offsets. */
    public void start() {
        MessageListenerContainer container = listeners.getListenerContainer(BudgetEventListener.ID);
        if (container != null) {
            container.start();
        }
    }
}
