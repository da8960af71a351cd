package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An outcome the person reports.
 *
 * @param domain          the area of life
 * @param personsOwnWords what the person says, kept as written
 * @param recoveryGoalId  the recovery goal it relates to, if any
 */
public record Outcome(
        @NotNull OutcomeDomain domain,
        @PersonalData @NotBlank @Size(max = 8000) String personsOwnWords,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String recoveryGoalId) {}
