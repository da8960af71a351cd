package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;

/** How a mixed budget divides between a direct payment, council-managed support and a service fund. */
public record MixedSplit(
        @Valid Money directPayment,
        @Valid Money councilManaged,
        @Valid Money serviceFund) {

    public long yearlyPence() {
        return yearly(directPayment) + yearly(councilManaged) + yearly(serviceFund);
    }

    public boolean includesDirectPayment() {
        return directPayment != null && directPayment.isPositive();
    }

    private static long yearly(Money money) {
        return money == null ? 0 : money.yearlyPence();
    }
}
