package uk.gov.personalbudget.contracts.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one personal budget for its whole life; the aggregate identifier and the Kafka key. */
public record BudgetId(String value) {

    /** Letters, digits, '-' and '_' only, so an id is always safe in a URL path and a log line. */
    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public BudgetId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a budget id has 1 to 64 letters, digits, '-' or '_'");
        }
    }

    /** What {@link #PATTERN} matches, checked by hand: every event read and every request checks an id. */
    private static boolean isValid(String value) {
        if (value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
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
