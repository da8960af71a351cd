package uk.gov.personalbudget.budget.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash function against known vectors. The expected values were computed outside Java (Python's hashlib over
 * the byte layout docs/security.md gives), so this test pins the documented format, not merely this code.
 */
class EventHashTest {

    private static final StoredEvent OPENED = new StoredEvent(
            "b-1",
            0,
            "e-1",
            "PersonalBudget",
            "2026-11-22T10:15:30.000Z",
            "uk.gov.personalbudget.contracts.event.BudgetOpened",
            null,
            bytes("{\"budgetId\":\"b-1\"}"),
            bytes("{}"));
    private static final StoredEvent ASSESSED = new StoredEvent(
            "b-1",
            1,
            "e-2",
            "PersonalBudget",
            "2026-11-22T10:16:00.123Z",
            "uk.gov.personalbudget.contracts.event.NeedsAssessed",
            "1",
            bytes("{\"budgetId\":\"b-1\",\"note\":\"café\"}"),
            null);

    private static final String OPENED_HASH = "8f045c0c6afce16fc6f40448e511219cbb27a680ac2375e0125e218c3c1d4bce";
    private static final String ASSESSED_HASH = "7c6b25c2f7aeaf8e7aa9e69271447a8785a59def95c8eca06bb89b0cc4fc4675";

    @Test
    void theFirstEventIsHashedFromTheGenesisOfSixtyFourZeros() {
        assertThat(EventHash.GENESIS).hasSize(64).matches("0+");
        assertThat(EventHash.of(EventHash.GENESIS, OPENED)).isEqualTo(OPENED_HASH);
    }

    @Test
    void aLaterEventIsHashedFromThePreviousHashWithNullsAndUtf8Encoded() {
        assertThat(EventHash.of(OPENED_HASH, ASSESSED)).isEqualTo(ASSESSED_HASH);
    }

    @Test
    void theSameEventAfterAnotherPredecessorHasAnotherHash() {
        assertThat(EventHash.of(EventHash.GENESIS, ASSESSED)).isNotEqualTo(ASSESSED_HASH);
    }

    @Test
    void everyColumnCounts() {
        String ts = OPENED.timestamp();
        String type = OPENED.payloadType();
        byte[] payload = OPENED.payload();
        byte[] meta = OPENED.metaData();
        byte[] flipped = payload.clone();
        flipped[5] ^= 1;

        List<StoredEvent> changes = List.of(
                new StoredEvent("b-2", 0, "e-1", "PersonalBudget", ts, type, null, payload, meta),
                new StoredEvent("b-1", 1, "e-1", "PersonalBudget", ts, type, null, payload, meta),
                new StoredEvent("b-1", 0, "e-9", "PersonalBudget", ts, type, null, payload, meta),
                new StoredEvent("b-1", 0, "e-1", null, ts, type, null, payload, meta),
                new StoredEvent(
                        "b-1", 0, "e-1", "PersonalBudget", "2026-11-22T10:15:30.001Z", type, null, payload, meta),
                new StoredEvent("b-1", 0, "e-1", "PersonalBudget", ts, "BudgetOpened", null, payload, meta),
                new StoredEvent("b-1", 0, "e-1", "PersonalBudget", ts, type, "1", payload, meta),
                new StoredEvent("b-1", 0, "e-1", "PersonalBudget", ts, type, null, flipped, meta),
                new StoredEvent("b-1", 0, "e-1", "PersonalBudget", ts, type, null, payload, bytes("{\"a\":1}")),
                new StoredEvent("b-1", 0, "e-1", "PersonalBudget", ts, type, null, payload, null));

        assertThat(EventHash.of(
                        EventHash.GENESIS,
                        new StoredEvent(
                                "b-1", 0, "e-1", "PersonalBudget", ts, type, null, payload.clone(), meta.clone())))
                .as("the same columns")
                .isEqualTo(OPENED_HASH);
        assertThat(changes)
                .extracting(changed -> EventHash.of(EventHash.GENESIS, changed))
                .doesNotContain(OPENED_HASH)
                .doesNotHaveDuplicates();
    }

    @Test
    void lengthsKeepNeighbouringColumnsApartAndNullApartFromEmpty() {
        StoredEvent split = new StoredEvent(
                "b-1", 0, "e-1", "PersonalBudget", "2026-11-22T10:15:30.000Z", "x", "", bytes(""), bytes("{}"));
        StoredEvent movedBoundary = new StoredEvent(
                "b-1", 0, "e-1", "PersonalBudget", "2026-11-22T10:15:30.000Z", "x", null, bytes(""), bytes("{}"));
        StoredEvent shifted = new StoredEvent(
                "b-1", 0, "e-1", "PersonalBudgetx", "2026-11-22T10:15:30.000Z", "", "", bytes(""), bytes("{}"));

        assertThat(EventHash.of(EventHash.GENESIS, split))
                .isNotEqualTo(EventHash.of(EventHash.GENESIS, movedBoundary))
                .isNotEqualTo(EventHash.of(EventHash.GENESIS, shifted));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
