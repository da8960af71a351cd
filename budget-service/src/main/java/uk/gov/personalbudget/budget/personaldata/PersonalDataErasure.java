package uk.gov.personalbudget.budget.personaldata;

import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;

/**
 * The answer to an erasure: whose key was destroyed, when and by whom.
 *
 * @param person        the person reference
 * @param keyId         the id of the destroyed key (every value it sealed names it)
 * @param erasedAt      when the key was destroyed (by the first erasure, when repeated)
 * @param erasedBy      who destroyed it (the first erasure's actor, when repeated)
 * @param alreadyErased whether it had already been destroyed before this request
 */
public record PersonalDataErasure(PersonReference person, String keyId, Instant erasedAt, String erasedBy,
                                  boolean alreadyErased) {
}
