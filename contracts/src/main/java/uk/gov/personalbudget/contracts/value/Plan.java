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
 * @param agreement             the evidence of the person's agreement: how, when and where they agreed (required
 *                              when a practitioner submits the plan for the person, not as their named delegate), and
 *                              notes on it in words; optional otherwise. Revision 1 of {@code PlanSubmitted} held the
 *                              notes beside it, as {@code personAgreement}
 */
public record Plan(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid PlanLine> lines,
        @NotNull PlanningApproach madeBy,
        @PersonalData @Size(max = 4000) String exceptionReason,
        @Valid PersonAgreement agreement) {

    public Plan {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** A plan with no evidence of the person's agreement, as the person themselves submits it. */
    public Plan(List<PlanLine> lines, PlanningApproach madeBy, String exceptionReason) {
        this(lines, madeBy, exceptionReason, null);
    }

    public long yearlyCostPence() {
        return lines.stream().mapToLong(line -> line.cost().yearlyPence()).sum();
    }
}
