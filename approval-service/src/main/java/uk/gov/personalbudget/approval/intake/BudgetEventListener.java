package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.observability.IntakeStatus;
import uk.gov.personalbudget.approval.observability.IntakeTracing;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.ProjectionStore;
import uk.gov.personalbudget.approval.replay.ReplayService;

import java.time.Clock;
import java.util.List;

/**
 * Consumes the budget events topic in batches. Each batch is written to the projections in one transaction
 * before Kafka is told the offsets are done, so a crash means redelivery (which the projections skip, counting
 * them as {@code approval.intake.duplicates}), never a gap. Each record's projection is a span of the trace that
 * caused its event; each batch's outcome is what the intake's health reports.
 */
@Component
public class BudgetEventListener {

    /** The listener container's id, by which replays stop and start it. */
    public static final String ID = "budget-events";

    private final EventRecordReader reader;
    private final ProjectionStore store;
    private final ReplayService replays;
    private final IntakeTracing tracing;
    private final IntakeStatus status;
    private final Clock clock;

    public BudgetEventListener(EventRecordReader reader, ProjectionStore store, ReplayService replays,
            IntakeTracing tracing, IntakeStatus status, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.replays = replays;
        this.tracing = tracing;
        this.status = status;
        this.clock = clock;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${approval.kafka.topic}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        IntakeTracing.Batch traced = tracing.start(records);
        int duplicates;
        try {
            List<EventEnvelope> envelopes = records.stream().map(reader::read).toList();
            duplicates = store.apply(envelopes, replays.writeGeneration());
        } catch (RuntimeException failure) {
            traced.failed(failure);
            status.failed(failure, clock.instant());
            throw failure;
        }
        traced.stored(duplicates);
        status.stored();
    }
}
