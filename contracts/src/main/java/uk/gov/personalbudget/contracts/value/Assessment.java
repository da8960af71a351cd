package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The outcome of a needs assessment (Care Act 2014 s9) and eligibility determination (s13).
 *
 * @param kind                     self, co-produced or practitioner-led
 * @param eligibleNeeds            the eligible needs identified
 * @param eligible                 whether the person has eligible needs
 * @param eligibilityReasons       the written reasons for the determination, required either way
 * @param wantsCouncilToMeetNeeds  whether the person wants the council to meet those needs
 * @param recoveryGoals            the person's recovery goals, which plan lines cite
 * @param advocateNeeded           whether an independent advocate is needed (s67)
 * @param preferredControl         how much control of the budget the person wants (required of every new
 *                                 assessment; absent from assessments recorded before it was)
 */
public record Assessment(
        @NotNull AssessmentKind kind,
        @PersonalData @NotNull @Size(max = 50) List<@NotBlank @Size(max = 500) String> eligibleNeeds,
        @NotNull Boolean eligible,
        @PersonalData @NotBlank @Size(max = 4000) String eligibilityReasons,
        @NotNull Boolean wantsCouncilToMeetNeeds,
        @NotNull @Size(max = 50) List<@NotNull @Valid RecoveryGoal> recoveryGoals,
        @NotNull Boolean advocateNeeded,
        PreferredControl preferredControl) {

    /** An assessment without the person's preferred control, as assessments were recorded before it was. */
    public Assessment(
            AssessmentKind kind,
            List<String> eligibleNeeds,
            Boolean eligible,
            String eligibilityReasons,
            Boolean wantsCouncilToMeetNeeds,
            List<RecoveryGoal> recoveryGoals,
            Boolean advocateNeeded) {
        this(
                kind,
                eligibleNeeds,
                eligible,
                eligibilityReasons,
                wantsCouncilToMeetNeeds,
                recoveryGoals,
                advocateNeeded,
                null);
    }

    public Assessment {
        eligibleNeeds = eligibleNeeds == null ? null : List.copyOf(eligibleNeeds);
        recoveryGoals = recoveryGoals == null ? null : List.copyOf(recoveryGoals);
    }
}
