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
 * @param personAgreement       notes on the person's agreement, in words (optional)
 * @param agreement             how, when and where the person agreed: required when a practitioner submits the plan
 *                              for the person (not as their named delegate)
 */
public record Plan(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid PlanLine> lines,
        @NotNull PlanningApproach madeBy,
        @PersonalData @Size(max = 4000) String exceptionReason,
        @PersonalData @Size(max = 500) String personAgreement,
        @Valid PersonAgreement agreement) {

    public Plan {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** The plan as before, without the structured agreement (plans stored before it existed read like this). */
    public Plan(List<PlanLine> lines, PlanningApproach madeBy, String exceptionReason, String personAgreement) {
        this(lines, madeBy, exceptionReason, personAgreement, null);
    }

    public long yearlyCostPence() {
        return lines.stream().mapToLong(line -> line.cost().yearlyPence()).sum();
    }
}
