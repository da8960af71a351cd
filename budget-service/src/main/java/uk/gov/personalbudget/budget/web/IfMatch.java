package uk.gov.personalbudget.budget.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The budget version a command's {@code If-Match} names, in the form {@code GET} gives it as ETag: {@code "7"},
 * or weak, {@code W/"7"} (some proxies weaken ETags). {@code *} and no header name none. Anything else, a list
 * of several versions included (Axon checks one), is malformed.
 */
final class IfMatch {

    static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,17})\"");

    private IfMatch() {}

    /**
     * @param values every {@code If-Match} header line of the request
     * @throws InvalidIfMatch when the header is not one version or {@code *}
     */
    static Optional<Long> expectedVersion(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = String.join(",", values).trim();
        if (value.equals("*")) {
            return Optional.empty();
        }
        Matcher version = VERSION.matcher(value);
        if (!version.matches()) {
            throw new InvalidIfMatch();
        }
        return Optional.of(Long.parseLong(version.group(1)));
    }

    /** Whether the request carries the header at all, {@code *} included. */
    static boolean isPresent(List<String> values) {
        return !values.isEmpty();
    }

    /** The header does not name one version. */
    static final class InvalidIfMatch extends RuntimeException {

        static final String REASON =
                "must be one budget version as the ETag of GET gives it, e.g. \"7\" (or W/\"7\"), or *";

        InvalidIfMatch() {
            super("the If-Match header " + REASON);
        }
    }
}
