package uk.gov.personalbudget.approval.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#parse} for the records' timestamps, with the form budget-service writes
 * ({@code 2026-12-05T15:09:52.123456Z}: four-digit year, seconds, up to nine fraction digits, {@code Z}) read by hand:
 * the formatter cost more than the rest of a record's check. Anything else is left to {@link Instant#parse}, so the
 * result, or the failure, is always its.
 */
final class EventTimestamps {

    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private EventTimestamps() {}

    static Instant parse(String text) {
        Instant fast = text == null ? null : parseCommonForm(text);
        return fast != null ? fast : Instant.parse(text);
    }

    private static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20
                || length == 21
                || length > 30
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z'
                || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fraction = length > 20 ? digits(text, 20, length - 21) : 0;
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || second < 0
                || second > 59
                || fraction < 0) {
            return null;
        }
        int nanos = length > 20 ? fraction * SCALE[9 - (length - 21)] : 0;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The number the {@code count} decimal digits from {@code from} make; -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
