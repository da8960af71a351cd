package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The person's choice of how their budget is managed.
 *
 * @param option   direct payment, council-managed, individual service fund or mixed
 * @param provider the provider holding an individual service fund (required for that option)
 * @param split    the amounts of a mixed budget (required for MIXED), adding up to the approved amount
 */
public record Management(
        @NotNull ManagementOption option,
        @Size(max = 200) String provider,
        @Valid MixedSplit split) {

    public boolean includesDirectPayment() {
        return option == ManagementOption.DIRECT_PAYMENT
                || (option == ManagementOption.MIXED && split != null && split.includesDirectPayment());
    }
}
