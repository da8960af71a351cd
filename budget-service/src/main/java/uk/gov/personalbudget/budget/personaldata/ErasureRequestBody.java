package uk.gov.personalbudget.budget.personaldata;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An authority's request to erase a person's personal data.
 *
 * @param reason why, in plain words (for instance the person's request and its date); sealed with the person's key,
 *               so it is erased with the rest
 */
record ErasureRequestBody(@NotBlank @Size(max = 4000) String reason) {}
