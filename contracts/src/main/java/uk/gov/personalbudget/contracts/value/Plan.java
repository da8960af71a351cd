package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A support plan.
 *
 * @param lines                 what the budget pays for, each tied to a goal or outcome domain
 * @param madeBy                how the plan was made
 * @param exceptionReason       why the plan costs more than the offer; required exactly when it does
 * @param personAgreement       the record of the person's agreement, required when a practitioner submits
 */
public record Plan(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid PlanLine> lines,
        @NotNull PlanningApproach madeBy,
        @PersonalData @Size(max = 4000) String exceptionReason,
        @PersonalData @Size(max = 500) String personAgreement) {

    public Plan {
        lines = lines == null ? null : List.copyOf(lines);
    }

    public long yearlyCostPence() {
        return lines.stream().mapToLong(line -> line.cost().yearlyPence()).sum();
    }
}
