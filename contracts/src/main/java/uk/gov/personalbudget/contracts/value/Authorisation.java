package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The appointment of an authorised person (Care Act s32) for a person who lacks capacity.
 *
 * @param authorisedPerson            the authorised person's actor id (a NOMINEE)
 * @param capacityAssessmentReference the capacity assessment the appointment rests on
 */
public record Authorisation(
        @NotBlank @Size(max = 64) String authorisedPerson,
        @PersonalData @NotBlank @Size(max = 200) String capacityAssessmentReference) {}
