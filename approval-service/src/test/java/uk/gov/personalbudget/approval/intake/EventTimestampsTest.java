package uk.gov.personalbudget.approval.intake;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The records' timestamps read by hand are exactly what Instant.parse reads, and what it refuses is refused. */
class EventTimestampsTest {

    @Test
    void everyTimestampReadsAsInstantParseReadsItOrFailsAsItFails() {
        List<String> texts = new ArrayList<>(List.of(
                "2026-12-05T15:09:52Z",
                "2026-12-05T15:09:52.1Z",
                "2026-12-05T15:09:52.12Z",
                "2026-12-05T15:09:52.123Z",
                "2026-12-05T15:09:52.123456Z",
                "2026-12-05T15:09:52.123456789Z",
                "2026-12-05T15:09:52.1234567890Z",
                "2026-12-05T15:09:52.Z",
                "2024-02-29T23:59:59.999999999Z",
                "2026-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-12-31T23:59:60Z",
                "2026-12-05T24:00:00Z",
                "2026-12-05t15:09:52z",
                "2026-12-05T15:09:52+01:00",
                "2026-12-05T15:09Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "2026-12-05 15:09:52Z",
                "2026-1a-05T15:09:52Z",
                "",
                "not a time"));
        Instant instant = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < 50; i++) {
            instant = instant.plusNanos(987_654_321L * i * i + 13);
            texts.add(instant.toString());
        }

        for (String text : texts) {
            Throwable expectedFailure = catchThrowable(() -> Instant.parse(text));
            if (expectedFailure == null) {
                assertThat(EventTimestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
            } else {
                assertThat(catchThrowable(() -> EventTimestamps.parse(text)))
                        .as(text)
                        .isInstanceOf(expectedFailure.getClass());
            }
        }
    }
}
