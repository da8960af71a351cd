package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * How an indicative amount was calculated: the guidance asks for transparency, so the method, its version
 * and a breakdown are part of every offer. The breakdown adds up to the amount offered, per year.
 */
public record Calculation(
        @NotBlank @Size(max = 200) String allocationMethod,
        @NotBlank @Size(max = 50) String methodVersion,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid BreakdownLine> breakdown) {

    public Calculation {
        breakdown = breakdown == null ? null : List.copyOf(breakdown);
    }

    public long breakdownYearlyPence() {
        return breakdown.stream().mapToLong(line -> line.amount().yearlyPence()).sum();
    }
}
