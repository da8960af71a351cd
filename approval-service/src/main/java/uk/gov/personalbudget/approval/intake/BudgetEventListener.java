package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.ProjectionStore;
import uk.gov.personalbudget.approval.replay.ReplayService;

import java.util.List;

/**
 * Consumes the budget events topic in batches. Each batch is written to the projections in one transaction
 * before Kafka is told the offsets are done, so a crash means redelivery (which the projections ignore),
 * never a gap.
 */
@Component
public class BudgetEventListener {

    /** The listener container's id, by which replays stop and start it. */
    public static final String ID = "budget-events";

    private final EventRecordReader reader;
    private final ProjectionStore store;
    private final ReplayService replays;

    public BudgetEventListener(EventRecordReader reader, ProjectionStore store, ReplayService replays) {
        this.reader = reader;
        this.store = store;
        this.replays = replays;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${approval.kafka.topic}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> envelopes = records.stream().map(reader::read).toList();
        store.apply(envelopes, replays.writeGeneration());
        replays.consumed(records);
    }
}
