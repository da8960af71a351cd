package uk.gov.personalbudget.contracts.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The council's reference for the person a budget is for (for example a social care record number).
 * A PERSON's token carries it as the {@code person} claim, a NOMINEE's the person they act for.
 */
public record PersonReference(String value) {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    /** Compiled once: every event read and every request checks an id (String.matches compiled it each time). */
    private static final Pattern VALID = Pattern.compile(PATTERN);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonReference {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a person reference has 1 to 64 letters, digits, '-' or '_'");
        }
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
