package uk.gov.personalbudget.approval.projection.store;

import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Rows in PostgreSQL's COPY text format: fields separated by tabs, one row a line, {@code \N} for null, and
 * backslash, tab, line feed and carriage return escaped with a backslash. Timestamps are written as the driver writes
 * a bound {@code OffsetDateTime}, so a row copied is the row an INSERT would have stored.
 */
final class CopyText {

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private final Function<OffsetDateTime, String> timestamps;
    private boolean rowStarted;

    CopyText(Function<OffsetDateTime, String> timestamps) {
        this.timestamps = timestamps;
    }

    void field(String value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        text.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscape(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    void timestamp(OffsetDateTime value) {
        field(value == null ? null : timestamps.apply(value));
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
    }

    CharSequence text() {
        return text;
    }
}
