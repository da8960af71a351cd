package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The record of a person's agreement to a plan a practitioner submits for them.
 *
 * @param method    how the person agreed
 * @param agreedAt  when
 * @param reference where the agreement is kept (the signed copy, the case note, the message)
 */
public record PersonAgreement(
        @NotNull AgreementMethod method,
        @NotNull @PastOrPresent Instant agreedAt,
        @PersonalData @NotBlank @Size(max = 200) String reference) {}
