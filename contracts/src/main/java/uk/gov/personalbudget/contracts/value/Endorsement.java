package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.Size;

/** A practitioner's endorsement of a submitted plan, with an optional comment for the authority. */
public record Endorsement(@PersonalData @Size(max = 4000) String comment) {}
