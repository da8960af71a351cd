package uk.gov.personalbudget.contracts.value;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The evidence of a person's agreement to their plan, in one place (PlanSubmitted revision 2): how, when and where
 * they agreed, and notes on it in words. A practitioner who submits a plan for the person (not as their named
 * delegate) gives the first three ({@link #isRecorded()}); whoever stands in the person's place may give notes alone.
 *
 * @param method    how the person agreed
 * @param agreedAt  when
 * @param reference where the agreement is kept (the signed copy, the case note, the message)
 * @param notes     notes on the person's agreement, in words (revision 1's {@code plan.personAgreement})
 */
public record PersonAgreement(
        AgreementMethod method,
        @PastOrPresent Instant agreedAt,
        @PersonalData @Size(max = 200) String reference,
        @PersonalData @Size(max = 500) String notes) {

    /** A recorded agreement without notes. */
    public PersonAgreement(AgreementMethod method, Instant agreedAt, String reference) {
        this(method, agreedAt, reference, null);
    }

    /** Notes on the person's agreement alone, with no record of how, when and where they agreed. */
    public static PersonAgreement notesOnly(String notes) {
        return new PersonAgreement(null, null, null, notes);
    }

    /** Whether it records how, when and where the person agreed: what a practitioner's submission needs. */
    @JsonIgnore
    public boolean isRecorded() {
        return method != null && agreedAt != null && reference != null && !reference.isBlank();
    }
}
