package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.store.ProjectionSnapshot;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record approval-service cannot read is never skipped: the consumer stops at it, commits nothing past it
 * and projects nothing after it, until someone fixes the cause. Its own context and broker, as the stall
 * lasts as long as the context does.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRecordStallsTest extends InMemoryApprovalServiceTest {

    /** Counts how often each record was read, to see the consumer come back to the same one. */
    static class CountingReader extends EventRecordReader {

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        CountingReader(ObjectMapper objectMapper) {
            super(objectMapper);
        }

        @Override
        EventEnvelope read(ConsumerRecord<String, byte[]> record, EventRecordHeaders headers, Instant timestamp) {
            attempts.computeIfAbsent(record.partition() + "@" + record.offset(), at -> new AtomicInteger())
                    .incrementAndGet();
            return super.read(record, headers, timestamp);
        }

        int attempts(RecordMetadata record) {
            AtomicInteger count = attempts.get(record.partition() + "@" + record.offset());
            return count == null ? 0 : count.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        @Primary
        CountingReader countingReader(ObjectMapper objectMapper) {
            return new CountingReader(objectMapper);
        }
    }

    @Autowired
    private CountingReader reader;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRecordOfAnUnknownEventTypeStallsTheConsumerRatherThanBeingSkipped(CapturedOutput output) throws Exception {
        String id = "PB-" + UUID.randomUUID();
        List<EventEnvelope> life = LifecycleEvents.budget(id)
                .opened()
                .assessed()
                .offered(1_000_000)
                .envelopes();
        publishAndAwait(life.subList(0, 2));
        ProjectionSnapshot before = generations.snapshot(generations.currentGeneration());

        RecordMetadata unknown = events.send(List.of(events.record(
                        id,
                        "{\"budgetId\":\"%s\",\"teleportedTo\":\"Mars\"}"
                                .formatted(id)
                                .getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "event-type",
                                "BudgetTeleported",
                                "event-revision",
                                "1",
                                "event-id",
                                UUID.randomUUID().toString(),
                                "aggregate-id",
                                id,
                                "aggregate-sequence",
                                "2",
                                "event-timestamp",
                                "2026-01-05T12:00:00Z"))))
                .get(0);
        RecordMetadata later = events.send(List.of(events.record(life.get(2)))).get(0);
        assertThat(later.partition()).as("one budget, one partition").isEqualTo(unknown.partition());

        // Read a second time: the first attempt failed, and the consumer came back to it instead of moving on.
        await().atMost(ARRIVAL).until(() -> reader.attempts(unknown) >= 2);

        TopicPartition partition = new TopicPartition(TOPIC, unknown.partition());
        assertThat(events.committedOffsets(groupId)).containsEntry(partition, unknown.offset());
        assertThat(reader.attempts(later)).as("nothing after it is even read").isZero();
        assertThat(generations.snapshot(generations.currentGeneration())).isEqualTo(before);
        assertThat(controlTrail(id))
                .extracting(entry -> entry.event())
                .containsExactly("BudgetOpened", "NeedsAssessed");

        String where = TOPIC + "-" + unknown.partition() + "@" + unknown.offset();
        await().atMost(ARRIVAL)
                .until(() -> output.getOut().contains("ERROR")
                        && output.getOut().contains("cannot read " + where + ": unknown event type BudgetTeleported"));
        assertThat(listeners.getListenerContainer(BudgetEventListener.ID).isRunning())
                .as("the consumer keeps trying")
                .isTrue();
        get("/api/v1/approvals", tokens.auditor()).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.budgetEventIntake.status").value("DOWN"));
        await("the lag gauge counts the records waiting behind the stall")
                .atMost(ARRIVAL)
                .until(() -> meters.get("approval.intake.lag").gauge().value() >= 2);
    }
}
