package uk.gov.personalbudget.budget.integrity;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.api.ChainVerification;
import uk.gov.personalbudget.contracts.api.ChainVerification.MismatchKind;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The check of one budget's chain over rows as the event store would hand them over, untouched and tampered with. */
class ChainCheckTest {

    private static final BudgetId BUDGET = new BudgetId("b-1");
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final int EVENTS = 6;

    @Test
    void anUntouchedChainIsIntactAndEndsAtItsLatestEvent() {
        List<ChainedEvent> rows = chain(EVENTS, 0);

        ChainVerification result = check(rows, 0);

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(EVENTS);
        assertThat(result.legacyEvents()).isZero();
        assertThat(result.head().sequence()).isEqualTo(EVENTS - 1);
        assertThat(result.head().hash()).isEqualTo(rows.get(EVENTS - 1).hash());
        assertThat(result.firstMismatch()).isNull();
        assertThat(result.checkedAt()).isEqualTo(NOW);
    }

    @Test
    void aChangedPayloadIsAContentMismatchAtThatEvent() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        byte[] payload = rows.get(3).event().payload().clone();
        payload[2] ^= 0x01;
        rows.set(3, withEvent(rows.get(3), event -> copy(event, event.timestamp(), payload, event.metaData())));

        ChainVerification result = check(rows, 0);

        assertMismatch(result, 3, MismatchKind.CONTENT);
        assertThat(result.firstMismatch().expected()).isNotEqualTo(rows.get(3).hash());
        assertThat(result.firstMismatch().found()).isEqualTo(rows.get(3).hash());
        assertThat(result.eventsChecked()).isEqualTo(4);
        assertThat(result.head().sequence())
                .as("the head is still the latest stored event")
                .isEqualTo(EVENTS - 1);
    }

    @Test
    void aChangedStoredHashIsAContentMismatchAtThatEvent() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent row = rows.get(2);
        rows.set(2, new ChainedEvent(row.globalIndex(), row.event(), row.previousHash(), "0".repeat(63) + "1"));

        assertMismatch(check(rows, 0), 2, MismatchKind.CONTENT);
    }

    @Test
    void aChangedPreviousHashIsALinkMismatch() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent row = rows.get(4);
        rows.set(4, new ChainedEvent(row.globalIndex(), row.event(), rows.get(2).hash(), row.hash()));

        ChainVerification result = check(rows, 0);

        assertMismatch(result, 4, MismatchKind.LINK);
        assertThat(result.firstMismatch().expected()).isEqualTo(rows.get(3).hash());
        assertThat(result.firstMismatch().found()).isEqualTo(rows.get(2).hash());
    }

    @Test
    void anEventChangedAndHashedAgainBreaksTheLinkOfTheNext() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent row = rows.get(2);
        StoredEvent forged = copy(
                row.event(),
                "2030-01-01T00:00:00.000Z",
                row.event().payload(),
                row.event().metaData());
        rows.set(
                2,
                new ChainedEvent(
                        row.globalIndex(), forged, row.previousHash(), EventHash.of(row.previousHash(), forged)));

        assertMismatch(check(rows, 0), 3, MismatchKind.LINK);
    }

    @Test
    void aDeletedEventIsASequenceGapAtTheEventAfterIt() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        rows.remove(2);

        ChainVerification result = check(rows, 0);

        assertMismatch(result, 3, MismatchKind.SEQUENCE_GAP);
        assertThat(result.firstMismatch().expected()).isEqualTo("2");
        assertThat(result.firstMismatch().found()).isEqualTo("3");
    }

    @Test
    void aDeletedFirstEventIsASequenceGapToo() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        rows.remove(0);

        assertMismatch(check(rows, 0), 1, MismatchKind.SEQUENCE_GAP);
    }

    @Test
    void swappedEventsAreALinkMismatchAtTheFirstOfThem() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent second = rows.get(2);
        ChainedEvent third = rows.get(3);
        rows.set(2, withEvent(third, event -> renumbered(event, 2)));
        rows.set(3, withEvent(second, event -> renumbered(event, 3)));

        assertMismatch(check(rows, 0), 2, MismatchKind.LINK);
    }

    @Test
    void aCopiedEventAppendedAfterTheLastIsALinkMismatch() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent last = rows.get(EVENTS - 1);
        rows.add(new ChainedEvent(
                last.globalIndex() + 1, renumbered(last.event(), EVENTS), last.previousHash(), last.hash()));

        assertMismatch(check(rows, 0), EVENTS, MismatchKind.LINK);
    }

    @Test
    void legacyEventsFirstAreCountedAndTheChainAfterThemStartsFromTheirRecomputedHash() {
        List<ChainedEvent> rows = chain(EVENTS, 3);

        ChainVerification result = check(rows, 3);

        assertThat(result.intact()).isTrue();
        assertThat(result.legacyEvents()).isEqualTo(3);
        assertThat(result.eventsChecked()).isEqualTo(EVENTS);
    }

    @Test
    void aChangedLegacyEventBreaksTheLinkOfTheFirstChainedEvent() {
        List<ChainedEvent> rows = chain(EVENTS, 3);
        rows.set(
                1,
                withEvent(
                        rows.get(1),
                        event -> copy(event, "2020-01-01T00:00:00.000Z", event.payload(), event.metaData())));

        assertMismatch(check(rows, 3), 3, MismatchKind.LINK);
    }

    @Test
    void aBudgetOfLegacyEventsOnlyIsIntactWithAHeadWithoutHash() {
        ChainVerification result = check(chain(3, 3), 3);

        assertThat(result.intact()).isTrue();
        assertThat(result.legacyEvents()).isEqualTo(3);
        assertThat(result.head().hash()).isNull();
    }

    @Test
    void anEventStoredAfterTheChainBeganWithoutHashIsAMissingHash() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent row = rows.get(0);
        rows.set(0, new ChainedEvent(row.globalIndex(), row.event(), null, null));

        ChainVerification result = check(rows, 0);

        assertMismatch(result, 0, MismatchKind.MISSING_HASH);
        assertThat(result.firstMismatch().found()).isNull();
    }

    @Test
    void anEventWithoutHashAfterAChainedOneIsAMissingHashEvenBelowTheLegacyIndex() {
        List<ChainedEvent> rows = chain(EVENTS, 0);
        ChainedEvent row = rows.get(4);
        rows.set(4, new ChainedEvent(row.globalIndex(), row.event(), null, null));

        assertMismatch(check(rows, 1_000), 4, MismatchKind.MISSING_HASH);
    }

    /** {@code count} events of one budget at global indexes 1, 2, …, the first {@code legacy} of them without hashes. */
    private static List<ChainedEvent> chain(int count, int legacy) {
        List<ChainedEvent> rows = new ArrayList<>();
        String previous = EventHash.GENESIS;
        for (int sequence = 0; sequence < count; sequence++) {
            StoredEvent event = new StoredEvent(
                    BUDGET.value(),
                    sequence,
                    "e-" + sequence,
                    "PersonalBudget",
                    "2026-11-22T10:15:3" + sequence + ".000Z",
                    "uk.gov.personalbudget.contracts.event.Event" + sequence,
                    null,
                    bytes("{\"budgetId\":\"b-1\",\"n\":" + sequence + "}"),
                    bytes("{}"));
            String hash = EventHash.of(previous, event);
            rows.add(
                    sequence < legacy
                            ? new ChainedEvent(sequence + 1, event, null, null)
                            : new ChainedEvent(sequence + 1, event, previous, hash));
            previous = hash;
        }
        return rows;
    }

    private static ChainVerification check(List<ChainedEvent> rows, long lastLegacyGlobalIndex) {
        ChainCheck check = new ChainCheck(lastLegacyGlobalIndex);
        rows.forEach(check::accept);
        return check.result(BUDGET, NOW);
    }

    private static void assertMismatch(ChainVerification result, long sequence, MismatchKind kind) {
        assertThat(result.intact()).isFalse();
        assertThat(result.firstMismatch()).isNotNull();
        assertThat(result.firstMismatch().sequence()).isEqualTo(sequence);
        assertThat(result.firstMismatch().kind()).isEqualTo(kind);
        assertThat(result.firstMismatch().eventType()).startsWith("Event");
        assertThat(result.firstMismatch().explanation()).isNotBlank();
    }

    private static ChainedEvent withEvent(ChainedEvent row, UnaryOperator<StoredEvent> change) {
        return new ChainedEvent(row.globalIndex(), change.apply(row.event()), row.previousHash(), row.hash());
    }

    private static StoredEvent copy(StoredEvent event, String timestamp, byte[] payload, byte[] metaData) {
        return new StoredEvent(
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.eventIdentifier(),
                event.type(),
                timestamp,
                event.payloadType(),
                event.payloadRevision(),
                payload,
                metaData);
    }

    private static StoredEvent renumbered(StoredEvent event, long sequence) {
        return new StoredEvent(
                event.aggregateIdentifier(),
                sequence,
                event.eventIdentifier(),
                event.type(),
                event.timestamp(),
                event.payloadType(),
                event.payloadRevision(),
                event.payload(),
                event.metaData());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
