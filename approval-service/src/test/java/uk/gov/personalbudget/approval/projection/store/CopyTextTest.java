package uk.gov.personalbudget.approval.projection.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY's text format, written as UTF-8 bytes: escapes, nulls, characters beyond ASCII and the driver's timestamps. */
class CopyTextTest {

    private final CopyText copy = new CopyText().start(timestamp -> "driver:" + timestamp);

    @Test
    void fieldsAreEscapedAndNullIsBackslashN() {
        copy.field("a\tb\\c\nd\re");
        copy.field(null);
        copy.field("");
        copy.endRow();
        copy.field("second");
        copy.endRow();

        assertThat(copy.text()).isEqualTo("a\\tb\\\\c\\nd\\re\t\\N\t\nsecond\n");
    }

    @Test
    void charactersBeyondAsciiAreWrittenAsUtf8() throws IOException {
        String text = "Zoë Ó Súilleabháin — ✓ 😀, and an unpaired \uD800 surrogate";
        copy.field(text);

        assertThat(copy.stream().readAllBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void timestampsAreRoundedToTheMicrosecondHalfUpAsTheDriverRoundsThem() {
        copy.timestamp(Instant.parse("2026-11-22T10:15:30Z"));
        copy.timestamp(Instant.parse("2026-11-22T10:15:30.123456499Z"));
        copy.timestamp(Instant.parse("2026-11-22T10:15:30.123456500Z"));
        copy.timestamp(Instant.parse("2026-12-31T23:59:59.999999500Z"));
        copy.timestamp(Instant.parse("0001-01-01T00:00:00.000001Z"));
        copy.timestamp(null);

        assertThat(copy.text())
                .isEqualTo("2026-11-22 10:15:30+00\t2026-11-22 10:15:30.123456+00\t2026-11-22 10:15:30.123457+00\t"
                        + "2027-01-01 00:00:00+00\t0001-01-01 00:00:00.000001+00\t\\N");
    }

    @Test
    void yearsBeyondFourDigitsAreWrittenByTheDriver() {
        copy.timestamp(Instant.parse("+10000-01-01T00:00:00Z"));

        assertThat(copy.text()).isEqualTo("driver:+10000-01-01T00:00Z");
    }

    @Test
    void startingAgainForgetsTheRowsOfTheLastCopy() {
        copy.field("first copy");
        copy.endRow();

        copy.start(timestamp -> "driver:" + timestamp).field("second copy");

        assertThat(copy.text()).isEqualTo("second copy");
    }
}
