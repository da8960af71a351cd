package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a practitioner returns a plan to the person for changes. */
public record PlanReturn(
        @PersonalData @NotBlank @Size(max = 4000) String reasons) {}
