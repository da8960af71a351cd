package uk.gov.personalbudget.contracts.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one personal budget for its whole life; the aggregate identifier and the Kafka key. */
public record BudgetId(String value) {

    /** Letters, digits, '-' and '_' only, so an id is always safe in a URL path and a log line. */
    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    /** Compiled once: every event read and every request checks an id (String.matches compiled it each time). */
    private static final Pattern VALID = Pattern.compile(PATTERN);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public BudgetId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a budget id has 1 to 64 letters, digits, '-' or '_'");
        }
    }

    public static BudgetId generate() {
        return new BudgetId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
