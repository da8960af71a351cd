package uk.gov.personalbudget.contracts.integrity;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash of the chain, on two worked vectors computed outside Java over the layout docs/security.md gives (the
 * vectors of budget-service's {@code EventHashTest}, which goes through the stored row).
 */
class EventChainHashTest {

    private static final EventChainHash.Inputs OPENED = new EventChainHash.Inputs(
            "b-1",
            0,
            "e-1",
            "PersonalBudget",
            "2026-11-22T10:15:30.000Z",
            "uk.gov.personalbudget.contracts.event.BudgetOpened",
            null,
            bytes("{\"budgetId\":\"b-1\"}"),
            bytes("{}"));
    private static final EventChainHash.Inputs ASSESSED = new EventChainHash.Inputs(
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
    void theWorkedVectorsComeOutTheSame() {
        assertThat(EventChainHash.of(EventChainHash.GENESIS, OPENED)).isEqualTo(OPENED_HASH);
        assertThat(EventChainHash.of(OPENED_HASH, ASSESSED)).isEqualTo(ASSESSED_HASH);
    }

    @Test
    void aHashIsSixtyFourLowerCaseHexDigits() {
        assertThat(EventChainHash.isHash(OPENED_HASH)).isTrue();
        assertThat(EventChainHash.isHash(OPENED_HASH.toUpperCase())).isFalse();
        assertThat(EventChainHash.isHash(OPENED_HASH.substring(1))).isFalse();
        assertThat(EventChainHash.isHash(null)).isFalse();
    }

    @Test
    void aRecordsHeadersGiveTheInputsTheStoredRowGave() {
        Map<String, String> headers = new HashMap<>(Map.of(
                EventHeaders.AGGREGATE_ID, "b-1",
                EventHeaders.AGGREGATE_SEQUENCE, "1",
                EventHeaders.EVENT_ID, "e-2",
                EventHeaders.STORED_AGGREGATE_TYPE, "PersonalBudget",
                EventHeaders.STORED_TIMESTAMP, "2026-11-22T10:16:00.123Z",
                EventHeaders.STORED_PAYLOAD_TYPE, "uk.gov.personalbudget.contracts.event.NeedsAssessed",
                EventHeaders.STORED_PAYLOAD_REVISION, "1"));

        EventChainHash.Inputs inputs = EventChainHash.Inputs.fromRecord(headers::get, ASSESSED.payload());

        assertThat(EventChainHash.of(OPENED_HASH, inputs)).isEqualTo(ASSESSED_HASH);

        headers.put(EventHeaders.STORED_METADATA, Base64.getEncoder().encodeToString(bytes("{}")));
        assertThat(EventChainHash.Inputs.fromRecord(headers::get, ASSESSED.payload())
                        .metaData())
                .isEqualTo(bytes("{}"));
    }

    @Test
    void aRecordWhoseInputsDoNotReadIsRefusedNamingWhatDoesNot() {
        Map<String, String> headers = new HashMap<>(Map.of(
                EventHeaders.AGGREGATE_ID, "b-1",
                EventHeaders.AGGREGATE_SEQUENCE, "one",
                EventHeaders.EVENT_ID, "e-2",
                EventHeaders.STORED_AGGREGATE_TYPE, "PersonalBudget",
                EventHeaders.STORED_TIMESTAMP, "2026-11-22T10:16:00.123Z",
                EventHeaders.STORED_PAYLOAD_TYPE, "uk.gov.personalbudget.contracts.event.NeedsAssessed"));
        byte[] payload = ASSESSED.payload();

        assertThatThrownBy(() -> EventChainHash.Inputs.fromRecord(headers::get, payload))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("its aggregate-sequence one is not a number");
        headers.put(EventHeaders.AGGREGATE_SEQUENCE, "1");
        headers.put(EventHeaders.STORED_METADATA, "not base64!");
        assertThatThrownBy(() -> EventChainHash.Inputs.fromRecord(headers::get, payload))
                .hasMessageStartingWith("its event-stored-metadata is not Base64");
        headers.remove(EventHeaders.STORED_METADATA);
        headers.remove(EventHeaders.EVENT_ID);
        assertThatThrownBy(() -> EventChainHash.Inputs.fromRecord(headers::get, payload))
                .hasMessage("it has no " + EventHeaders.EVENT_ID + " header");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
