package uk.gov.personalbudget.support.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final String PATH = "/api/v1/budgets/b-1/record-outcome";

    @Test
    void isSha256InHex() {
        assertThat(RequestFingerprint.of("POST", PATH, bytes("{}"))).matches("[0-9a-f]{64}");
    }

    @Test
    void theSameJsonLaidOutOrOrderedDifferentlyIsTheSameRequest() {
        assertThat(fingerprint("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}"))
                .isEqualTo(fingerprint("{ \"b\" : { \"d\":\"\\u0078\", \"c\":[ 1, 2 ] },\n \"a\" : 1 }"));
    }

    @Test
    void anyDifferenceInContentIsAnotherRequest() {
        String body = "{\"amount\":{\"pence\":1200000},\"lines\":[1,2]}";
        assertThat(fingerprint(body))
                .isNotEqualTo(fingerprint("{\"amount\":{\"pence\":1200001},\"lines\":[1,2]}"))
                .isNotEqualTo(fingerprint("{\"amount\":{\"pence\":1200000},\"lines\":[2,1]}"))
                .isNotEqualTo(fingerprint("{\"amount\":{\"pence\":\"1200000\"},\"lines\":[1,2]}"))
                .isNotEqualTo(fingerprint(""));
        assertThat(fingerprint("{\"x\":0.1}")).isNotEqualTo(fingerprint("{\"x\":0.10000000000000000001}"));
    }

    @Test
    void theMethodAndThePathWithItsQueryCount() {
        String fingerprint = RequestFingerprint.of("POST", PATH, bytes("{}"));
        assertThat(RequestFingerprint.of("PUT", PATH, bytes("{}"))).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", PATH.replace("b-1", "b-2"), bytes("{}")))
                .isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", PATH + "?dryRun=true", bytes("{}")))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void aBodyThatIsNotJsonCountsByteForByte() {
        assertThat(RequestFingerprint.canonical(bytes("{\"a\":1,\"a\":2}"))).isEqualTo(bytes("{\"a\":1,\"a\":2}"));
        assertThat(RequestFingerprint.canonical(bytes("{\"a\":1} trailing"))).isEqualTo(bytes("{\"a\":1} trailing"));
        assertThat(fingerprint("not json")).isNotEqualTo(fingerprint("not  json"));
    }

    private static String fingerprint(String body) {
        return RequestFingerprint.of("POST", PATH, bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
