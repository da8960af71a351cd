package uk.gov.personalbudget.approval.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.gov.personalbudget.approval.intake.BudgetEventListener;
import uk.gov.personalbudget.approval.projection.store.ProjectionSnapshot;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An auditor's replay rebuilds every projection from the topic and ends with exactly what was there before. */
class ReplayApiTest extends InMemoryApprovalServiceTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void aReplayRebuildsIdenticalProjectionsWhileReadsKeepAnsweringFromTheOldOnes() throws Exception {
        String id = "PB-" + UUID.randomUUID();
        publishAndAwait(LifecycleEvents.fullLifecycle(id).envelopes());
        publishAndAwait(LifecycleEvents.budget("PB-" + UUID.randomUUID())
                .opened()
                .assessed()
                .offered(2_000_000)
                .accepted()
                .submitted(2_000_000)
                .endorsed("Fine")
                .envelopes());
        int before = generations.currentGeneration();
        ProjectionSnapshot old = generations.snapshot(before);
        String trailBefore =
                trail(id, tokens.auditor()).andReturn().getResponse().getContentAsString();
        long onTopic =
                events.endOffsets().values().stream().mapToLong(Long::longValue).sum();

        // A paused consumer holds the rebuild at its start, so it can be seen running.
        MessageListenerContainer consumer = listeners.getListenerContainer(BudgetEventListener.ID);
        consumer.pause();
        String location;
        try {
            MvcResult started = post(tokens.auditor())
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.eventsTotal").value(onTopic))
                    .andExpect(jsonPath("$.eventsProcessed").value(0))
                    .andReturn();
            String replay = json(started).get("id").asText();
            location = started.getResponse().getHeader(HttpHeaders.LOCATION);
            assertThat(location).isEqualTo("http://localhost/api/v1/replays/" + replay);

            post(tokens.auditor())
                    .andExpect(problem(HttpStatus.CONFLICT, "replay-already-running"))
                    .andExpect(jsonPath("$.replay").value("/api/v1/replays/" + replay));
            post(tokens.system()).andExpect(problem(HttpStatus.CONFLICT, "replay-already-running"));
            get(location, tokens.auditor())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.requestedBy").value("aud-5001"))
                    .andExpect(jsonPath("$.percent").value(0));

            trail(id, tokens.auditor())
                    .andExpect(header().string("Projection-Rebuild", startsWith("in-progress; replay=" + replay)))
                    .andExpect(jsonPath("$.rebuildInProgress").value(true))
                    .andExpect(jsonPath("$.transfers.length()").value(20));
            get("/api/v1/approvals", tokens.authority())
                    .andExpect(header().exists("Projection-Rebuild"))
                    .andExpect(jsonPath("$.rebuildInProgress").value(true));
            assertThat(generations.currentGeneration())
                    .as("readers keep the old generation")
                    .isEqualTo(before);
        } finally {
            consumer.resume();
        }

        JsonNode done = await().atMost(ARRIVAL)
                .until(
                        () -> json(get(location, tokens.auditor())
                                .andExpect(status().isOk())
                                .andReturn()),
                        replay -> replay.get("status").asText().equals("COMPLETED"));
        assertThat(done.get("eventsProcessed").asLong()).isEqualTo(onTopic);
        assertThat(done.get("eventsTotal").asLong()).isEqualTo(onTopic);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("etaSeconds").asLong()).isZero();
        assertThat(Instant.parse(done.get("finishedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(done.get("startedAt").asText()));

        int after = generations.currentGeneration();
        assertThat(after).isGreaterThan(before);
        assertThat(generations.snapshot(after)).isEqualTo(old);
        trail(id, tokens.auditor())
                .andExpect(header().doesNotExist("Projection-Rebuild"))
                .andExpect(jsonPath("$.rebuildInProgress").value(false));
        assertThat(trail(id, tokens.auditor()).andReturn().getResponse().getContentAsString())
                .isEqualTo(trailBefore);
    }

    @Test
    void onlyAuditorsAndSystemsStartReplays() throws Exception {
        for (String token : List.of(
                tokens.practitioner(LifecycleEvents.PRACTITIONER),
                tokens.person(LifecycleEvents.PERSON_REF),
                tokens.authority(),
                tokens.nominee(LifecycleEvents.NOMINEE, LifecycleEvents.PERSON_REF))) {
            post(token).andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
        }
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/replays"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED, "missing-token"));
    }

    @Test
    void anUnknownReplayIsNotFound() throws Exception {
        get("/api/v1/replays/" + UUID.randomUUID(), tokens.auditor())
                .andExpect(problem(HttpStatus.NOT_FOUND, "replay-not-found"));
        get("/api/v1/replays/" + UUID.randomUUID(), tokens.person(LifecycleEvents.PERSON_REF))
                .andExpect(problem(HttpStatus.FORBIDDEN, "access-denied"));
        get("/api/v1/replays/not-a-uuid", tokens.auditor())
                .andExpect(problem(HttpStatus.BAD_REQUEST, "invalid-parameter"));
    }

    private ResultActions post(String token) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/replays")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions trail(String id, String token) throws Exception {
        return get("/api/v1/budgets/" + id + "/control-trail", token).andExpect(status().isOk());
    }
}
