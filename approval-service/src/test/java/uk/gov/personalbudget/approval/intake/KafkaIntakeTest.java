package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.ProjectionSnapshot;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer on the embedded default's database (H2); {@link LifecycleArrivalContract} runs here too. */
class KafkaIntakeTest extends InMemoryApprovalServiceTest implements LifecycleArrivalContract {

    @Test
    void redeliveringTheSameRecordsChangesNothing() throws Exception {
        String first = "PB-" + UUID.randomUUID();
        String second = "PB-" + UUID.randomUUID();
        List<EventEnvelope> lives =
                new ArrayList<>(LifecycleEvents.fullLifecycle(first).envelopes());
        lives.addAll(LifecycleEvents.budget(second)
                .opened()
                .assessed()
                .offered(1_000_000)
                .contested("Too little", null)
                .envelopes());
        List<ProducerRecord<String, byte[]>> records =
                lives.stream().map(events::record).toList();
        events.send(records);
        awaitCaughtUp();
        ProjectionSnapshot before = generations.snapshot(generations.currentGeneration());
        Map<TopicPartition, Long> endBefore = events.endOffsets();

        events.send(records);
        // A budget's records after a failed publication attempt: a repeat in the middle of its history.
        events.send(records.subList(3, 8));
        awaitCaughtUp();

        assertThat(events.endOffsets().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("the copies really are on the topic")
                .isEqualTo(
                        endBefore.values().stream().mapToLong(Long::longValue).sum() + records.size() + 5);
        assertThat(generations.snapshot(generations.currentGeneration())).isEqualTo(before);
        assertThat(controlTrail(first)).hasSize(FULL_LIFECYCLE_TRAIL.size());
        assertThat(queueItems("kind=CONTEST_AWAITING_ANSWER", second)).hasSize(1);
    }
}
