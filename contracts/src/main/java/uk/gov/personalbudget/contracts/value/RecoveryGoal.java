package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A goal the person sets for their recovery; plan lines cite it by {@code id}.
 *
 * @param id          a short key unique within the assessment, e.g. {@code G1}
 * @param description the goal in the person's words
 */
public record RecoveryGoal(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String id,
        @PersonalData @NotBlank @Size(max = 1000) String description) {}
