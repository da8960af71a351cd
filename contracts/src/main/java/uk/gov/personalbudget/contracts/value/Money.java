package uk.gov.personalbudget.contracts.value;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.Objects;

/**
 * An amount of money in integer pence that recurs every {@link Period}; never a floating point value.
 * The upper bound keeps every yearly figure far below {@code Long.MAX_VALUE}.
 */
public record Money(
        @PositiveOrZero @Max(MAX_PENCE) long pence, @NotNull Period period) {

    /** £100 million a period: far above any personal budget, far below overflow when made yearly. */
    public static final long MAX_PENCE = 10_000_000_000L;

    public Money {
        Objects.requireNonNull(period, "period");
    }

    public static Money yearly(long pence) {
        return new Money(pence, Period.YEARLY);
    }

    /** The same amount over a whole year, so that amounts of different periods can be compared. */
    public long yearlyPence() {
        return Math.multiplyExact(pence, (long) period.timesPerYear());
    }

    /** Derived, so not part of the JSON form. */
    @JsonIgnore
    public boolean isPositive() {
        return pence > 0;
    }

    public int compareYearly(Money other) {
        return Long.compare(yearlyPence(), other.yearlyPence());
    }
}
