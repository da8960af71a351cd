package uk.gov.personalbudget.approval.projection;

import java.time.Instant;
import java.util.List;

/**
 * A report's range, {@code [from, end)} where {@code end} is the earlier of {@code to} and the moment the report is
 * made: what the outcomes, co-production and timeliness reports count, as the control summary does.
 */
record ReportRange(Instant from, Instant to, Instant end) {

    static ReportRange of(Instant from, Instant to, Instant asOf) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report's range starts before it ends: " + from + " to " + to);
        }
        return new ReportRange(from, to, asOf != null && asOf.isBefore(to) ? asOf : to);
    }

    boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(end);
    }

    boolean beforeEnd(Instant instant) {
        return instant != null && instant.isBefore(end);
    }

    /** The value at position ⌈percent·n/100⌉ (1-based) of sorted {@code values}; null if there are none. */
    static Long nearestRank(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
