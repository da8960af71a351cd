package uk.gov.personalbudget.budget.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EventProcessorsHealthTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final PooledStreamingEventProcessor publication = mock(PooledStreamingEventProcessor.class);

    EventProcessorsHealthTest() {
        when(processing.eventProcessors()).thenReturn(Map.of("kafka-publication", publication));
        when(publication.processingStatus()).thenReturn(Map.of());
    }

    @Test
    void aRunningProcessorIsReady() {
        when(publication.isRunning()).thenReturn(true);

        assertThat(health(true)).satisfies(health -> {
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("kafka-publication", EventProcessorsHealth.ProcessorState.RUNNING);
        });
    }

    @Test
    void aStoppedProcessorMakesTheServiceNotReady() {
        when(publication.isRunning()).thenReturn(false);

        assertThat(health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aProcessorFailingWhileKafkaAnswersMakesTheServiceNotReady() {
        when(publication.isRunning()).thenReturn(true);
        when(publication.isError()).thenReturn(true);

        assertThat(health(true)).satisfies(health -> {
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails())
                    .containsEntry("kafka-publication", EventProcessorsHealth.ProcessorState.FAILING);
        });
    }

    @Test
    void aProcessorFailingOnlyBecauseKafkaIsAwayLeavesTheServiceReady() {
        when(publication.isRunning()).thenReturn(true);
        when(publication.isError()).thenReturn(true);

        assertThat(health(false)).satisfies(health -> {
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("kafka-publication", EventProcessorsHealth.ProcessorState.WAITING_FOR_KAFKA);
        });
    }

    private Health health(boolean kafkaReachable) {
        return new EventProcessorsHealth(processing, () -> kafkaReachable).health();
    }
}
