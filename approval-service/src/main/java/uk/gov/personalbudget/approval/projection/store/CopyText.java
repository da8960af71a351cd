package uk.gov.personalbudget.approval.projection.store;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Rows in PostgreSQL's COPY text format, written as UTF-8 bytes: fields separated by tabs, one row a line, {@code \N}
 * for null, and backslash, tab, line feed and carriage return escaped with a backslash. A timestamp is the instant the
 * driver would have stored for a bound {@code OffsetDateTime} (rounded to the microsecond, half up), so a row copied
 * is the row an INSERT would have stored. Written straight into one buffer, which {@link #start} makes ready for
 * the next COPY: a replay writes millions of rows, and building text, then a string, then its bytes allocated each
 * row three times over. Not thread-safe: each thread keeps its own.
 */
final class CopyText {

    private static final int INITIAL_SIZE = 64 * 1024;
    /** The most sent in one CopyData message, as the driver's own copy loop sends. */
    static final int PIECE = 64 * 1024;
    /** A buffer grown past this for one large COPY is not kept for the next. */
    private static final int LARGEST_KEPT = 8 * 1024 * 1024;

    private static final long SECONDS_PER_DAY = 86_400;

    private Function<OffsetDateTime, String> driverTimestamps = OffsetDateTime::toString;
    private byte[] bytes = new byte[INITIAL_SIZE];
    private int length;
    private boolean rowStarted;

    /**
     * Empties the buffer for the rows of the next COPY.
     *
     * @param driverTimestamps the driver's text of a timestamp, used for years outside 1 to 9999
     */
    CopyText start(Function<OffsetDateTime, String> driverTimestamps) {
        if (bytes.length > LARGEST_KEPT) {
            bytes = new byte[INITIAL_SIZE];
        }
        length = 0;
        rowStarted = false;
        this.driverTimestamps = driverTimestamps;
        return this;
    }

    void field(String value) {
        startField();
        if (value == null) {
            put('\\');
            put('N');
            return;
        }
        ensure(value.length() * 3);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> {
                    if (c < 0x80) {
                        bytes[length++] = (byte) c;
                    } else {
                        i = nonAscii(value, i);
                    }
                }
            }
        }
    }

    void timestamp(Instant value) {
        if (value == null) {
            field(null);
            return;
        }
        long seconds = value.getEpochSecond();
        int micros = (value.getNano() + 500) / 1000;
        if (micros == 1_000_000) {
            seconds++;
            micros = 0;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (date.getYear() < 1 || date.getYear() > 9999) {
            field(driverTimestamps.apply(OffsetDateTime.ofInstant(value, ZoneOffset.UTC)));
            return;
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        startField();
        ensure(32);
        digits(date.getYear(), 4);
        put('-');
        digits(date.getMonthValue(), 2);
        put('-');
        digits(date.getDayOfMonth(), 2);
        put(' ');
        digits(secondOfDay / 3600, 2);
        put(':');
        digits(secondOfDay / 60 % 60, 2);
        put(':');
        digits(secondOfDay % 60, 2);
        if (micros != 0) {
            put('.');
            digits(micros, 6);
        }
        put('+');
        put('0');
        put('0');
    }

    void endRow() {
        put('\n');
        rowStarted = false;
    }

    /**
     * Sends the rows written since {@link #start} to a COPY the driver has begun, straight from this buffer, in
     * pieces of at most {@link #PIECE} bytes. The driver's {@code copyIn(sql, InputStream)} read them through a 64 KB
     * buffer of its own, new for every COPY: at 100 events a second most of what approval-service allocated
     * (32.6 MB/s before, 9.7 MB/s after, docs/benchmarks.md).
     */
    void writeTo(CopyIn copy) throws SQLException {
        for (int from = 0; from < length; from += PIECE) {
            copy.writeToCopy(bytes, from, Math.min(PIECE, length - from));
        }
    }

    /** The rows as text (for tests and messages). */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void startField() {
        if (rowStarted) {
            put('\t');
        }
        rowStarted = true;
    }

    private void escaped(char c) {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = (byte) c;
    }

    /** Writes the character at {@code i} (with its low surrogate, if it has one) as UTF-8; the index of its last char. */
    private int nonAscii(String value, int i) {
        char c = value.charAt(i);
        ensure(4);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | c & 0x3F);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
            bytes[length++] = (byte) (0xF0 | codePoint >> 18);
            bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            // An unpaired surrogate, written as String.getBytes(UTF_8) writes it.
            bytes[length++] = '?';
            return i;
        }
        bytes[length++] = (byte) (0xE0 | c >> 12);
        bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[length++] = (byte) (0x80 | c & 0x3F);
        return i;
    }

    private void digits(int value, int width) {
        for (int position = length + width - 1; position >= length; position--) {
            bytes[position] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
