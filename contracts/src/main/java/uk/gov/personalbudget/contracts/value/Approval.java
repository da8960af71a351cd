package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The authority's approval of an endorsed plan.
 *
 * @param approvedAmount the personal budget approved
 * @param payment        the amount paid each period; its period is the payment frequency
 * @param conditions     any conditions attached, in plain language
 * @param varianceReason required when the approved amount differs from the indicative amount
 * @param personTookPart whether the person took part in the decision
 */
public record Approval(
        @NotNull @Valid Money approvedAmount,
        @NotNull @Valid Money payment,
        @PersonalData @NotNull @Size(max = 20) List<@NotBlank @Size(max = 1000) String> conditions,
        @PersonalData @Size(max = 4000) String varianceReason,
        @NotNull Boolean personTookPart) {

    public Approval {
        conditions = conditions == null ? null : List.copyOf(conditions);
    }
}
