package uk.gov.personalbudget.approval.intake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.intake.EventRecordReader.UnreadableEventRecord;
import uk.gov.personalbudget.approval.projection.AheadOfSequence;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.IntakeOutcome;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.ProjectionWriter;
import uk.gov.personalbudget.approval.support.BudgetEventTopic;
import uk.gov.personalbudget.approval.support.LifecycleEvents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A batch holding a record that does not read is stored not at all, and the failure goes to the container,
 * which retries the batch instead of committing past it (shown end to end in {@link UnreadableRecordStallsTest}).
 */
class BudgetEventListenerTest {

    private final ProjectionWriter writer = mock(ProjectionWriter.class);
    private final Generations generations = mock(Generations.class);
    private final IntakeStatus status = new IntakeStatus();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BudgetEventListener listener = new BudgetEventListener(
            new ChainRecordCheck(new EventRecordReader(BudgetEventTopic.JSON), "accept", Clock.systemUTC()),
            writer,
            generations,
            new IntakeTracing(Tracer.NOOP, Propagator.NOOP, meters),
            status,
            new HeldBackMetrics(meters),
            Clock.systemUTC());

    @Test
    void aBatchWithAGarbageValueStoresNothingAndFails() {
        List<EventEnvelope> life = LifecycleEvents.budget("PB-" + UUID.randomUUID())
                .opened()
                .assessed()
                .offered(900_000)
                .envelopes();
        ConsumerRecord<String, byte[]> garbage = EventRecordReaderTest.consumed(
                life.get(1),
                record -> new ProducerRecord<>(
                        record.topic(),
                        record.partition(),
                        record.key(),
                        "{\"budgetId\": tru".getBytes(StandardCharsets.UTF_8),
                        record.headers()));
        when(generations.writeTarget()).thenReturn(new Generations.WriteTarget(1, false));

        assertThatThrownBy(() -> listener.onBatch(List.of(
                        EventRecordReaderTest.consumed(life.get(0), record -> record),
                        garbage,
                        EventRecordReaderTest.consumed(life.get(2), record -> record))))
                .isInstanceOf(UnreadableEventRecord.class);

        verify(writer, never()).apply(any(), anyInt(), any());
        assertThat(status.failing())
                .as("the intake's health reports the failure")
                .hasValueSatisfying(failure -> assertThat(failure.cause()).isEqualTo("UnreadableEventRecord"));
    }

    @Test
    void aStoredBatchClearsTheLastFailure() {
        List<EventEnvelope> life = LifecycleEvents.budget("PB-" + UUID.randomUUID())
                .opened()
                .assessed()
                .envelopes();
        when(generations.writeTarget()).thenReturn(new Generations.WriteTarget(1, false));
        when(writer.apply(any(), anyInt(), any())).thenReturn(new IntakeOutcome(0, List.of(), List.of()));
        status.failed(new IllegalStateException("earlier"), Instant.now());

        listener.onBatch(life.stream()
                .map(event -> EventRecordReaderTest.consumed(event, record -> record))
                .toList());

        verify(writer).apply(any(), anyInt(), any());
        assertThat(status.failing()).isEmpty();
    }

    @Test
    void recordsTheProjectionsSkippedAsAlreadyAppliedAreCountedAsDuplicates() {
        List<EventEnvelope> life = LifecycleEvents.budget("PB-" + UUID.randomUUID())
                .opened()
                .assessed()
                .envelopes();
        List<ConsumerRecord<String, byte[]>> records = life.stream()
                .map(event -> EventRecordReaderTest.consumed(event, record -> record))
                .toList();
        when(generations.writeTarget()).thenReturn(new Generations.WriteTarget(1, false));
        when(writer.apply(any(), anyInt(), any()))
                .thenReturn(new IntakeOutcome(0, List.of(), List.of()), new IntakeOutcome(2, List.of(), List.of()));

        listener.onBatch(records);
        assertThat(meters.counter("approval.intake.duplicates").count()).isZero();
        listener.onBatch(records);

        assertThat(meters.counter("approval.intake.duplicates").count()).isEqualTo(2);
        assertThat(meters.find("approval.events.projected").counters())
                .extracting(counter -> counter.count())
                .as("every record still counts as projected")
                .containsOnly(2.0);
    }

    @Test
    void recordsAheadOfTheirBudgetsNextAreCountedAndTheBatchIsStored() {
        List<EventEnvelope> life = LifecycleEvents.budget("PB-" + UUID.randomUUID())
                .opened()
                .assessed()
                .offered(900_000)
                .envelopes();
        when(generations.writeTarget()).thenReturn(new Generations.WriteTarget(1, false));
        when(writer.apply(any(), anyInt(), any()))
                .thenReturn(new IntakeOutcome(
                        0, List.of(), List.of(new AheadOfSequence(life.get(0).budgetId(), 0, 2, null))));

        listener.onBatch(List.of(EventRecordReaderTest.consumed(life.get(2), record -> record)));

        assertThat(meters.counter("approval.intake.ahead_of_sequence").count()).isEqualTo(1);
        assertThat(status.failing()).isEmpty();
    }
}
