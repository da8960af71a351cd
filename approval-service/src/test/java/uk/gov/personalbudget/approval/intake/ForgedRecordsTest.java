package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.personalbudget.approval.projection.CheckedRecord;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.HoldReason;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.integrity.EventChainHash;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forged or altered records on the topic are not projected (issue 12, item 5; docs/security.md, "Tamper
 * evidence"). Records written with a plain Kafka producer, as anyone with write access to the topic could: one
 * with forged headers (a payload of its own, hashed over a made-up previous hash), one with a genuine record's
 * headers over an altered payload, and one with forged headers naming a budget that does not exist. None is
 * projected; those of a known budget are listed at {@code GET /api/v1/held-back-records} with their partition and
 * offset; every one is counted in {@code approval.intake.held_back}; the budget's trail says records are held back;
 * and the genuine events around them project as if they were not there.
 */
class ForgedRecordsTest extends InMemoryApprovalServiceTest {

    private static final String HELD_BACK = "approval.intake.held_back";

    @Autowired
    private MeterRegistry meters;

    @Test
    void aGenuineHashChainedLifecycleProjectsEverything() throws Exception {
        String id = "PB-" + UUID.randomUUID();
        List<EventEnvelope> life = LifecycleEvents.fullLifecycle(id).envelopes();
        double heldBefore = heldBack("CONTENT") + heldBack("LINK");

        events.send(HashedRecords.chained(events.record(life.get(0)).topic(), life));
        awaitCaughtUp();

        assertThat(controlTrail(id)).hasSize(LifecycleArrivalContract.FULL_LIFECYCLE_TRAIL.size());
        assertThat(decisions(id)).isNotEmpty();
        assertThat(trailJson(id).get("heldBack")).isEmpty();
        assertThat(heldBack("CONTENT") + heldBack("LINK")).isEqualTo(heldBefore);
    }

    @Test
    void forgedAndAlteredRecordsAreHeldBackListedCountedAndShownOnTheTrail() throws Exception {
        String id = "PB-" + UUID.randomUUID();
        String unknown = "PB-" + UUID.randomUUID();
        List<EventEnvelope> life = LifecycleEvents.fullLifecycle(id).envelopes();
        String topic = events.record(life.get(0)).topic();
        List<ProducerRecord<String, byte[]>> genuine = HashedRecords.chained(topic, life);
        ProducerRecord<String, byte[]> next = genuine.get(3);
        double contentBefore = heldBack("CONTENT");
        double linkBefore = heldBack("LINK");

        // Forged headers: the next event's place, a payload of the forger's own (the offer of another amount), and
        // a hash the forger computed correctly over it, but chained to a previous hash of his own making.
        byte[] forgedPayload = new String(next.value(), StandardCharsets.UTF_8)
                .replace("1250000", "9250000")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(forgedPayload).isNotEqualTo(next.value());
        String madeUpPrevious = "ab".repeat(32);
        String forgedEventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> forged =
                HashedRecords.withHeaders(HashedRecords.withValue(next, forgedPayload), headers -> {
                    HashedRecords.set(headers, EventHeaders.EVENT_ID, forgedEventId);
                    HashedRecords.set(headers, EventHeaders.EVENT_PREVIOUS_HASH, madeUpPrevious);
                    return HashedRecords.set(
                            headers,
                            EventHeaders.EVENT_HASH,
                            EventChainHash.of(madeUpPrevious, inputs(next, forgedEventId, forgedPayload)));
                });
        // An altered payload: the genuine record's headers, hash included, over a changed value.
        ProducerRecord<String, byte[]> altered = HashedRecords.withValue(next, forgedPayload);
        // Forged headers naming a budget no event has opened: a hash that is not even the record's.
        ProducerRecord<String, byte[]> ofNoBudget = new ProducerRecord<>(
                topic,
                null,
                unknown,
                genuine.get(0).value(),
                HashedRecords.withHeaders(
                                genuine.get(0),
                                headers -> HashedRecords.set(
                                        HashedRecords.set(headers, EventHeaders.AGGREGATE_ID, unknown),
                                        EventHeaders.EVENT_HASH,
                                        "cd".repeat(32)))
                        .headers());

        List<ProducerRecord<String, byte[]>> topicOrder = new ArrayList<>(genuine.subList(0, 3));
        topicOrder.addAll(List.of(forged, altered, ofNoBudget));
        topicOrder.addAll(genuine.subList(3, genuine.size()));
        List<RecordMetadata> stored = events.send(topicOrder);
        awaitCaughtUp();
        RecordMetadata forgedAt = stored.get(3);
        RecordMetadata alteredAt = stored.get(4);

        // Not projected: the trail and decisions are the genuine life's, the offer its genuine amount.
        List<ControlTrailEntry> trail = controlTrail(id);
        assertThat(trail).hasSize(LifecycleArrivalContract.FULL_LIFECYCLE_TRAIL.size());
        assertThat(trail).extracting(ControlTrailEntry::sequence).doesNotHaveDuplicates();
        assertThat(decisions(id))
                .noneSatisfy(decision -> assertThat(decision.amount())
                        .isNotNull()
                        .satisfies(amount -> assertThat(amount.pence()).isEqualTo(9_250_000L)));
        assertThat(get("/api/v1/budgets/" + unknown + "/control-trail", tokens.auditor())
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the forged budget was never opened")
                .isEqualTo(404);

        // Listed for auditors, with partition and offset; the unknown budget's record is of no council.
        JsonNode listed = json(get("/api/v1/held-back-records", tokens.auditor())
                        .andExpect(status().isOk())
                        .andReturn())
                .get("records");
        List<JsonNode> ours = new ArrayList<>();
        listed.forEach(record -> {
            if (id.equals(record.get("budgetId").asText())) {
                ours.add(record);
            }
        });
        assertThat(ours).hasSize(2);
        ours.sort(java.util.Comparator.comparingLong(
                record -> record.get("offset").asLong()));
        assertThat(ours.get(0).get("reason").asText()).isEqualTo("LINK");
        assertThat(ours.get(0).get("partition").asInt()).isEqualTo(forgedAt.partition());
        assertThat(ours.get(0).get("offset").asLong()).isEqualTo(forgedAt.offset());
        assertThat(ours.get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(ours.get(0).get("eventId").asText()).isEqualTo(forgedEventId);
        assertThat(ours.get(0).get("topic").asText()).isEqualTo(topic);
        assertThat(ours.get(1).get("reason").asText()).isEqualTo("CONTENT");
        assertThat(ours.get(1).get("partition").asInt()).isEqualTo(alteredAt.partition());
        assertThat(ours.get(1).get("offset").asLong()).isEqualTo(alteredAt.offset());
        assertThat(listed)
                .noneSatisfy(
                        record -> assertThat(record.get("budgetId").asText()).isEqualTo(unknown));
        assertThat(json(get(
                                        "/api/v1/held-back-records",
                                        tokens.inCouncil(TokenHolder.OTHER_COUNCIL)
                                                .auditor())
                                .andExpect(status().isOk())
                                .andReturn())
                        .get("records"))
                .as("another council's auditor sees none of them")
                .noneSatisfy(
                        record -> assertThat(record.get("budgetId").asText()).isIn(id, unknown));
        get("/api/v1/held-back-records", tokens.practitioner(LifecycleEvents.PRACTITIONER))
                .andExpect(status().isForbidden());

        // Counted: two whose content does not fit (the altered one, the unknown budget's), one that does not chain.
        assertThat(heldBack("CONTENT") - contentBefore).isEqualTo(2);
        assertThat(heldBack("LINK") - linkBefore).isEqualTo(1);

        // The budget's trail says so.
        JsonNode heldOnTrail = trailJson(id).get("heldBack");
        assertThat(heldOnTrail).hasSize(2);
        heldOnTrail.forEach(held -> assertThat(held.get("sequence").asLong()).isEqualTo(3));

        // Written again after the genuine event 3 was projected: new records, held back again, the forgery now as a
        // copy of a projected event with another hash.
        double differsBefore = heldBack("DIFFERS_FROM_PROJECTED");
        events.send(List.of(forged, altered));
        awaitCaughtUp();
        assertThat(trailJson(id).get("heldBack"))
                .extracting(held -> held.get("reason").asText())
                .containsExactlyInAnyOrder("LINK", "CONTENT", "DIFFERS_FROM_PROJECTED", "CONTENT");
        assertThat(heldBack("DIFFERS_FROM_PROJECTED") - differsBefore).isEqualTo(1);
        assertThat(heldBack("CONTENT") - contentBefore).isEqualTo(3);
        assertThat(controlTrail(id)).hasSize(LifecycleArrivalContract.FULL_LIFECYCLE_TRAIL.size());
    }

    @Test
    void aRecordReadAgainAtTheSamePlaceIsListedOnce() {
        var record = new HeldBackRecord(
                "personal-budget-events",
                1,
                987_654_321L,
                "PB-" + UUID.randomUUID(),
                4L,
                "e-1",
                "BudgetOffered",
                HoldReason.CONTENT,
                "altered",
                Instant.now());
        int generation = generations.writeGeneration();

        var first = writer.apply(
                List.of(CheckedRecord.heldBack(record), CheckedRecord.heldBack(record)), generation, Instant.now());
        var again = writer.apply(List.of(CheckedRecord.heldBack(record)), generation, Instant.now());
        var next = new HeldBackRecord(
                record.topic(),
                record.partition(),
                record.offset() + 2,
                record.budgetId(),
                5L,
                "e-2",
                "BudgetOffered",
                HoldReason.CONTENT,
                "altered",
                Instant.now());
        var withANewOne = writer.apply(
                List.of(CheckedRecord.heldBack(record), CheckedRecord.heldBack(next)), generation, Instant.now());

        assertThat(first.heldBack()).containsExactly(record);
        assertThat(again.heldBack())
                .as("a redelivery or a replay reads it again: not new")
                .isEmpty();
        assertThat(withANewOne.heldBack()).containsExactly(next);
        assertThat(heldBack.heldBack(new BudgetId(record.budgetId()))).hasSize(2);
    }

    @Test
    void anUnhashedRecordAfterTheBudgetsChainBeganIsHeldBack() throws Exception {
        String id = "PB-" + UUID.randomUUID();
        List<EventEnvelope> life = LifecycleEvents.budget(id)
                .opened()
                .assessed()
                .offered(900_000)
                .accepted()
                .envelopes();
        String topic = events.record(life.get(0)).topic();
        List<ProducerRecord<String, byte[]>> records =
                new ArrayList<>(HashedRecords.chained(topic, life.subList(0, 3)));
        records.add(events.record(life.get(3)));
        double before = heldBack("UNHASHED");

        events.send(records);
        awaitCaughtUp();

        assertThat(controlTrail(id)).extracting(ControlTrailEntry::sequence).doesNotContain(3L);
        assertThat(heldBack("UNHASHED") - before).isEqualTo(1);
        assertThat(trailJson(id).get("heldBack")).hasSize(1);
    }

    private static EventChainHash.Inputs inputs(ProducerRecord<String, byte[]> record, String eventId, byte[] payload) {
        return new EventChainHash.Inputs(
                record.key(),
                Long.parseLong(HashedRecords.header(record, EventHeaders.AGGREGATE_SEQUENCE)),
                eventId,
                HashedRecords.header(record, EventHeaders.STORED_AGGREGATE_TYPE),
                HashedRecords.header(record, EventHeaders.STORED_TIMESTAMP),
                HashedRecords.header(record, EventHeaders.STORED_PAYLOAD_TYPE),
                null,
                payload,
                Base64.getDecoder().decode(HashedRecords.header(record, EventHeaders.STORED_METADATA)));
    }

    private JsonNode trailJson(String id) throws Exception {
        return json(get("/api/v1/budgets/" + id + "/control-trail", tokens.auditor())
                .andExpect(status().isOk())
                .andReturn());
    }

    private double heldBack(String reason) {
        return meters.get(HELD_BACK)
                .tags(Map.of("reason", reason).entrySet().stream()
                        .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue()))
                        .toArray(String[]::new))
                .counter()
                .count();
    }
}
