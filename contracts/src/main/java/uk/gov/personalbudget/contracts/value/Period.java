package uk.gov.personalbudget.contracts.value;

/** How often an amount of money recurs. Amounts with different periods are compared per year. */
public enum Period {
    WEEKLY(52),
    FOUR_WEEKLY(13),
    MONTHLY(12),
    YEARLY(1);

    private final int timesPerYear;

    Period(int timesPerYear) {
        this.timesPerYear = timesPerYear;
    }

    public int timesPerYear() {
        return timesPerYear;
    }
}
