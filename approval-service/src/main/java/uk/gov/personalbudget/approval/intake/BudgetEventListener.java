package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.AheadOfSequence;
import uk.gov.personalbudget.approval.projection.CheckedRecord;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.IntakeOutcome;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.ProjectionWriter;

import java.time.Clock;
import java.util.List;

/**
 * Consumes the budget events topic in batches. Each batch is written to the projections in one transaction
 * before Kafka is told the offsets are done, so a crash means redelivery (which the projections skip, counting
 * them as {@code approval.intake.duplicates}), never a gap. Each record's projection is a span of the trace that
 * caused its event (not during a replay: {@link IntakeTracing}); each batch's outcome is what the intake's health
 * reports. A record that does not fit its
 * budget's hash chain is held back, not projected ({@link ChainRecordCheck}, docs/security.md "Tamper evidence"):
 * counted as {@code approval.intake.held_back}, logged, and listed at {@code GET /api/v1/held-back-records}. A
 * record that comes before an earlier event of its budget is skipped ({@link AheadOfSequence}): logged and counted
 * as {@code approval.intake.ahead_of_sequence}; the partition goes on, and the copy that follows is projected.
 */
@Component
public class BudgetEventListener {

    /** The listener container's id, by which {@link IntakeSwitch} stops and starts it. */
    public static final String ID = "budget-events";

    private static final Logger log = LoggerFactory.getLogger(BudgetEventListener.class);

    private final ChainRecordCheck check;
    private final ProjectionWriter writer;
    private final Generations generations;
    private final IntakeTracing tracing;
    private final IntakeStatus status;
    private final HeldBackMetrics heldBack;
    private final Clock clock;

    public BudgetEventListener(
            ChainRecordCheck check,
            ProjectionWriter writer,
            Generations generations,
            IntakeTracing tracing,
            IntakeStatus status,
            HeldBackMetrics heldBack,
            Clock clock) {
        this.check = check;
        this.heldBack = heldBack;
        this.writer = writer;
        this.generations = generations;
        this.tracing = tracing;
        this.status = status;
        this.clock = clock;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${approval.kafka.topic}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        IntakeTracing.Batch traced = null;
        IntakeOutcome outcome;
        try {
            Generations.WriteTarget target = generations.writeTarget();
            traced = tracing.start(records, target.rebuilding());
            List<CheckedRecord> checked = records.stream().map(check::check).toList();
            outcome = writer.apply(checked, target.generation(), clock.instant());
        } catch (RuntimeException failure) {
            if (traced != null) {
                traced.failed(failure);
            }
            status.failed(failure, clock.instant());
            throw failure;
        }
        for (HeldBackRecord record : outcome.heldBack()) {
            heldBack.heldBack(record);
            log.warn(
                    "budget event record {}-{}@{} held back, not projected ({}, budget {}, sequence {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.reason(),
                    record.budgetId(),
                    record.sequence(),
                    record.detail());
        }
        for (AheadOfSequence skipped : outcome.ahead()) {
            log.warn("budget event record {} skipped, not projected: {}", skipped.where(), skipped.describe());
        }
        traced.stored(outcome.duplicates(), outcome.ahead().size());
        status.stored();
    }
}
