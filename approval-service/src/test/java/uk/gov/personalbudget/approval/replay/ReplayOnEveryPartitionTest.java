package uk.gov.personalbudget.approval.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.personalbudget.approval.intake.BudgetEventListener;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.InMemoryProjection;
import uk.gov.personalbudget.approval.projection.store.ProjectionSnapshot;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every partition has a consumer thread of its own, and a replay through all of them rebuilds exactly the projections
 * that live intake made: the same rows in every table, and for the budgets published here the rows the projector
 * makes of their events.
 */
class ReplayOnEveryPartitionTest extends InMemoryApprovalServiceTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private ConsumerAwareRebalanceListener intakeStatusOnRebalance;

    @Test
    void eachPartitionIsConsumedByAThreadOfItsOwnAndAReplayThroughThemAllEndsWithTheLiveProjections() throws Exception {
        List<EventEnvelope> published = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = "PB-" + UUID.randomUUID();
            published.addAll(
                    i % 2 == 0
                            ? LifecycleEvents.fullLifecycle(id).envelopes()
                            : LifecycleEvents.everyEventType(id).envelopes());
        }
        publishAndAwait(published);

        MessageListenerContainer container = listeners.getListenerContainer(BudgetEventListener.ID);
        assertThat(container).isInstanceOf(ConcurrentMessageListenerContainer.class);
        List<Collection<TopicPartition>> assigned = ((ConcurrentMessageListenerContainer<?, ?>) container)
                .getContainers().stream()
                        .map(MessageListenerContainer::getAssignedPartitions)
                        .toList();
        Set<TopicPartition> all = new HashSet<>();
        assigned.forEach(all::addAll);
        assertThat(assigned)
                .as("one partition per consumer thread")
                .allSatisfy(p -> assertThat(p).hasSize(1));
        assertThat(all).hasSize(4);
        assertThat(container.getContainerProperties().getConsumerRebalanceListener())
                .as("the intake's status learns of each thread's rebalances")
                .isSameAs(intakeStatusOnRebalance);

        int live = generations.currentGeneration();
        ProjectionSnapshot before = generations.snapshot(live);
        InMemoryProjection expected = InMemoryProjection.of(published);
        assertThat(before.trail()).containsAll(expected.trail());
        assertThat(before.decisions()).containsAll(expected.decisions());
        assertThat(before.budgets()).containsAll(expected.summaries());

        String replay = json(mvc.perform(MockMvcRequestBuilders.post("/api/v1/replays")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.auditor())
                                .accept(MediaType.APPLICATION_JSON))
                        .andExpect(status().isAccepted())
                        .andReturn())
                .get("id")
                .asText();
        JsonNode done = await().atMost(ARRIVAL)
                .until(
                        () -> json(get("/api/v1/replays/" + replay, tokens.auditor())
                                .andExpect(status().isOk())
                                .andReturn()),
                        run -> run.get("status").asText().equals("COMPLETED"));

        long onTopic =
                events.endOffsets().values().stream().mapToLong(Long::longValue).sum();
        assertThat(done.get("eventsProcessed").asLong()).isEqualTo(onTopic);
        int rebuilt = generations.currentGeneration();
        assertThat(rebuilt).isGreaterThan(live);
        assertThat(generations.snapshot(rebuilt)).isEqualTo(before);
    }
}
