package uk.gov.personalbudget.approval.projection.store;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

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
    void charactersBeyondAsciiAreWrittenAsUtf8() throws SQLException {
        String text = "Zoë Ó Súilleabháin — ✓ 😀, and an unpaired \uD800 surrogate";
        copy.field(text);

        assertThat(sent(copy).toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsAreSentFromTheBufferInPiecesNoLargerThanTheDriversOwn() throws SQLException {
        String row = "x".repeat(999);
        for (int i = 0; i < 200; i++) {
            copy.field(row);
            copy.endRow();
        }
        List<Integer> pieces = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        copy.writeTo(recording((bytes, from, length) -> {
            pieces.add(length);
            all.write(bytes, from, length);
        }));

        assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo((row + "\n").repeat(200));
        assertThat(pieces).hasSize(4).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CopyText.PIECE));
    }

    @Test
    void nothingIsSentForNoRows() throws SQLException {
        assertThat(sent(copy).size()).isZero();
    }

    private static ByteArrayOutputStream sent(CopyText copy) throws SQLException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        copy.writeTo(recording(all::write));
        return all;
    }

    private interface Piece {
        void write(byte[] bytes, int from, int length);
    }

    /** A COPY that hands each piece written to it to {@code piece}. */
    private static CopyIn recording(Piece piece) throws SQLException {
        CopyIn copy = mock(CopyIn.class);
        doAnswer(call -> {
                    piece.write(call.getArgument(0), call.getArgument(1), call.getArgument(2));
                    return null;
                })
                .when(copy)
                .writeToCopy(any(byte[].class), anyInt(), anyInt());
        return copy;
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
