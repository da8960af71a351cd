package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.gov.personalbudget.budget.integrity.EventHash;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/**
 * Tamper evidence end to end on a database we run on: budgets driven through the API, stored events then altered
 * with SQL behind the service's back, and {@code GET /api/v1/budgets/{id}/verification} finding the first event
 * that no longer matches. Subclasses pick the database.
 */
abstract class TamperEvidenceContractTest {

    private static final String HEX_HASH = "[0-9a-f]{64}";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ObjectMapper objectMapper;

    @Autowired
    private DevTokenIssuer issuer;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventStore eventStore;

    private ApiClient api;

    @BeforeEach
    void createClient() {
        api = new ApiClient(mvc, objectMapper, issuer, jdbc);
    }

    @Test
    void anUntouchedHistoryIsIntactAndEachEventLinksToTheOneBefore() throws Exception {
        String id = api.budgetAt(Stage.CLOSED);
        int events = Stage.CLOSED.events();

        JsonNode verification = verify(id);

        assertThat(verification.get("budgetId").textValue()).isEqualTo(id);
        assertThat(verification.get("intact").booleanValue()).isTrue();
        assertThat(verification.get("eventsChecked").longValue()).isEqualTo(events);
        assertThat(verification.get("legacyEvents").longValue()).isZero();
        assertThat(verification.get("firstMismatch").isNull()).isTrue();
        assertThat(verification.get("checkedAt").textValue()).isNotBlank();
        JsonNode history = api.events(id);
        assertThat(verification.at("/head/sequence").longValue()).isEqualTo(events - 1);
        assertThat(verification.at("/head/hash").textValue())
                .isEqualTo(history.get(events - 1).get("hash").textValue());

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT sequence_number, previous_hash, hash "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                id);
        String previous = EventHash.GENESIS;
        for (int sequence = 0; sequence < events; sequence++) {
            Map<String, Object> row = rows.get(sequence);
            assertThat(row.get("previous_hash"))
                    .as("previous hash of %d", sequence)
                    .isEqualTo(previous);
            assertThat((String) row.get("hash")).matches(HEX_HASH);
            assertThat(history.get(sequence).get("hash").textValue()).isEqualTo(row.get("hash"));
            previous = (String) row.get("hash");
        }
    }

    @Test
    void aChangedPayloadByteIsFoundAtThatEventThoughTheHistoryReadsNormally() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        byte[] payload = column(id, 2, "payload");
        String json = new String(payload, StandardCharsets.UTF_8);
        int digit = json.indexOf("1200000");
        assertThat(digit).as(json).isPositive();
        payload[digit] = '9';
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 2",
                payload,
                id);

        assertThat(api.events(id).get(2).at("/payload/offer/amount/pence").longValue())
                .as("the altered amount reads like any other")
                .isEqualTo(9_200_000);
        JsonNode verification = verify(id);

        assertFirstMismatch(verification, 2, "BudgetOffered", "CONTENT");
        assertThat(verification.get("eventsChecked").longValue()).isEqualTo(3);
        assertThat(verification.at("/firstMismatch/found").textValue())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND sequence_number = 2",
                        String.class,
                        id));
        assertThat(verification.at("/head/sequence").longValue()).isEqualTo(Stage.ACTIVE.events() - 1);
    }

    @Test
    void aChangedMetaDataIsFound() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        jdbc.update(
                "UPDATE domain_event_entry SET meta_data = ? WHERE aggregate_identifier = ? AND sequence_number = 1",
                "{\"traceparent\":\"00-00000000000000000000000000000001-0000000000000001-01\"}"
                        .getBytes(StandardCharsets.UTF_8),
                id);

        assertFirstMismatch(verify(id), 1, "NeedsAssessed", "CONTENT");
    }

    @Test
    void aChangedTimestampIsFound() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        jdbc.update(
                "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 3",
                id);

        assertFirstMismatch(verify(id), 3, "OfferAccepted", "CONTENT");
    }

    @Test
    void aChangedStoredHashIsFoundAtThatEvent() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        jdbc.update(
                "UPDATE domain_event_entry SET hash = ? WHERE aggregate_identifier = ? AND sequence_number = 2",
                "f".repeat(64),
                id);

        assertFirstMismatch(verify(id), 2, "BudgetOffered", "CONTENT");
    }

    @Test
    void anEventChangedAndHashedAgainIsFoundAtTheNextLink() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        jdbc.update(
                "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 1",
                id);
        String rehashed = verify(id).at("/firstMismatch/expected").textValue();
        jdbc.update(
                "UPDATE domain_event_entry SET hash = ? WHERE aggregate_identifier = ? AND sequence_number = 1",
                rehashed,
                id);

        assertFirstMismatch(verify(id), 2, "BudgetOffered", "LINK");
    }

    @Test
    void aDeletedMiddleEventIsAGapBeforeTheNextEvent() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 4", id);

        JsonNode verification = verify(id);

        assertFirstMismatch(verification, 5, "PlanEndorsed", "SEQUENCE_GAP");
        assertThat(verification.at("/firstMismatch/expected").textValue()).isEqualTo("4");
        assertThat(verification.at("/firstMismatch/found").textValue()).isEqualTo("5");
        assertThat(verification.get("eventsChecked").longValue())
                .as("0 to 3, then 5")
                .isEqualTo(5);
    }

    @Test
    void swappedEventsAreFoundAtTheFirstOfThem() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        String renumber = "UPDATE domain_event_entry SET sequence_number = ? WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?";
        jdbc.update(renumber, -1, id, 2);
        jdbc.update(renumber, 2, id, 3);
        jdbc.update(renumber, 3, id, -1);

        assertFirstMismatch(verify(id), 2, "OfferAccepted", "LINK");
    }

    @Test
    void aCopyOfAnEventAppendedAtTheEndIsFound() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        jdbc.update(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data, previous_hash, hash) "
                        + "SELECT 'forged-' || event_identifier, aggregate_identifier, 5, type, time_stamp, payload_type, "
                        + "payload_revision, payload, meta_data, previous_hash, hash FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 4",
                id);

        assertFirstMismatch(verify(id), 5, "PlanSubmitted", "LINK");
    }

    @Test
    void aHashRemovedFromAnEventIsFound() throws Exception {
        String id = api.budgetAt(Stage.PLAN_SUBMITTED);
        jdbc.update(
                "UPDATE domain_event_entry SET hash = NULL, previous_hash = NULL "
                        + "WHERE aggregate_identifier = ? AND sequence_number >= 3",
                id);

        assertFirstMismatch(verify(id), 3, "OfferAccepted", "MISSING_HASH");
    }

    /**
     * Events stored before the migration that added the chain have no hashes. They are reported as legacy; the first
     * event stored after them links to the hash recomputed over them, which from then on seals them too.
     */
    @Test
    void legacyEventsAreReportedAndSealedByTheNextEventStored() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);
        Long chainStart =
                jdbc.queryForObject("SELECT last_legacy_global_index FROM event_hash_chain_start", Long.class);
        jdbc.update(
                "UPDATE domain_event_entry SET hash = NULL, previous_hash = NULL WHERE aggregate_identifier = ?", id);
        jdbc.update(
                "UPDATE event_hash_chain_start SET last_legacy_global_index = "
                        + "(SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?)",
                id);
        try {
            JsonNode legacyOnly = verify(id);
            assertThat(legacyOnly.get("intact").booleanValue()).isTrue();
            assertThat(legacyOnly.get("legacyEvents").longValue()).isEqualTo(3);
            assertThat(legacyOnly.at("/head/hash").isNull()).isTrue();
            assertThat(api.events(id).get(0).get("hash").isNull()).isTrue();

            api.send(id, "accept-offer", Party.PERSON, null).andExpect(status().isOk());

            JsonNode sealed = verify(id);
            assertThat(sealed.get("intact").booleanValue()).isTrue();
            assertThat(sealed.get("legacyEvents").longValue()).isEqualTo(3);
            assertThat(sealed.get("eventsChecked").longValue()).isEqualTo(4);
            assertThat(sealed.at("/head/hash").textValue()).matches(HEX_HASH);

            jdbc.update(
                    "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                            + "WHERE aggregate_identifier = ? AND sequence_number = 1",
                    id);
            assertFirstMismatch(verify(id), 3, "OfferAccepted", "LINK");
        } finally {
            jdbc.update("UPDATE event_hash_chain_start SET last_legacy_global_index = ?", chainStart);
        }
    }

    @Test
    void eventsOfSeveralBudgetsAppendedInOneBatchAreEachChainedInOrder() throws Exception {
        String first = BudgetId.generate().value();
        String second = BudgetId.generate().value();
        eventStore.publish(
                List.of(event(first, 0), event(second, 0), event(first, 1), event(first, 2), event(second, 1)));
        eventStore.publish(List.of(event(second, 2), event(first, 3)));

        JsonNode firstVerification = verify(first);
        JsonNode secondVerification = verify(second);

        assertThat(firstVerification.get("intact").booleanValue()).isTrue();
        assertThat(firstVerification.get("eventsChecked").longValue()).isEqualTo(4);
        assertThat(secondVerification.get("intact").booleanValue()).isTrue();
        assertThat(secondVerification.get("eventsChecked").longValue()).isEqualTo(3);
    }

    @Test
    void anEventWhosePredecessorIsNotStoredIsRefused() {
        String id = BudgetId.generate().value();

        assertThatThrownBy(() -> eventStore.publish(event(id, 3)))
                .hasStackTraceContaining("its predecessor is not stored");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = Party.class,
            names = {"AUDITOR", "AUTHORITY", "UNLIMITED_AUTHORITY"})
    void auditorsAndTheAuthorityVerify(Party party) throws Exception {
        String id = api.budgetAt(Stage.OFFERED);

        api.get(BUDGETS + "/" + id + "/verification", party).andExpect(status().isOk());
    }

    @ParameterizedTest
    @EnumSource(
            value = Party.class,
            names = {"PERSON", "PRACTITIONER", "SYSTEM"})
    void nobodyElseVerifiesEvenTheirOwnBudget(Party party) throws Exception {
        String id = api.budgetAt(Stage.OFFERED);

        api.get(BUDGETS + "/" + id + "/verification", party).andExpect(problem(403, "access-denied"));
    }

    @Test
    void anUnknownBudgetAndOneTheCallerMayNotSeeAreNotFoundAlike() throws Exception {
        String unknown = BudgetId.generate().value();
        String id = api.budgetAt(Stage.OFFERED);

        api.get(BUDGETS + "/" + unknown + "/verification", Party.AUDITOR).andExpect(problem(404, "budget-not-found"));
        api.get(BUDGETS + "/" + unknown + "/verification", Party.PERSON).andExpect(problem(404, "budget-not-found"));
        for (Party stranger : List.of(Party.OTHER_COUNCILS_AUTHORITY, Party.OTHER_PERSON, Party.NOMINEE)) {
            api.get(BUDGETS + "/" + id + "/verification", stranger).andExpect(problem(404, "budget-not-found"));
        }
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        api.get(BUDGETS + "/" + BudgetId.generate().value() + "/verification", null)
                .andExpect(problem(401, "missing-token"));
    }

    private JsonNode verify(String id) throws Exception {
        return api.read(
                api.get(BUDGETS + "/" + id + "/verification", Party.AUDITOR).andExpect(status().isOk()));
    }

    private byte[] column(String id, long sequence, String column) {
        return jdbc.queryForObject(
                "SELECT " + column + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number = ?",
                byte[].class,
                id,
                sequence);
    }

    private static void assertFirstMismatch(JsonNode verification, long sequence, String eventType, String kind) {
        assertThat(verification.get("intact").booleanValue())
                .as(verification.toString())
                .isFalse();
        JsonNode mismatch = verification.get("firstMismatch");
        assertThat(mismatch.get("sequence").longValue())
                .as(verification.toString())
                .isEqualTo(sequence);
        assertThat(mismatch.get("eventType").textValue()).isEqualTo(eventType);
        assertThat(mismatch.get("kind").textValue()).as(verification.toString()).isEqualTo(kind);
        assertThat(mismatch.get("explanation").textValue()).isNotBlank();
        if (!kind.equals("SEQUENCE_GAP")) {
            assertThat(verification.get("eventsChecked").longValue()).isEqualTo(sequence + 1);
        }
    }

    private static GenericDomainEventMessage<BudgetOpened> event(String id, long sequence) {
        return new GenericDomainEventMessage<>(
                "PersonalBudget",
                id,
                sequence,
                new BudgetOpened(
                        new BudgetId(id),
                        new Act("pr-ellis", Role.PRACTITIONER, null, Instant.parse("2026-11-22T10:15:30Z")),
                        new ControlTransfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                        new BudgetOpening(new PersonReference("P-1001"), "leeds", "pr-ellis")));
    }
}
