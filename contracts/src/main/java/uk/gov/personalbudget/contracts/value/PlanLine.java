package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One thing the budget will pay for, and what it is for: a recovery goal of the assessment, an outcome
 * domain, or both (at least one).
 */
public record PlanLine(
        @PersonalData @NotBlank @Size(max = 500) String description,
        @NotNull @Valid Money cost,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String recoveryGoalId,
        OutcomeDomain outcomeDomain) {}
