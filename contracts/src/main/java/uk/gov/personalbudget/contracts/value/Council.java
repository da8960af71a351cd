package uk.gov.personalbudget.contracts.value;

import java.util.regex.Pattern;

/**
 * A council's id: the tenant every budget belongs to and every token names in its {@code council} claim, e.g.
 * {@code leeds} or {@code e08000035}. Which councils a deployment serves is its configuration
 * ({@code security.councils.served}).
 */
public final class Council {

    public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,39}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Council() {}

    public static boolean isWellFormed(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
