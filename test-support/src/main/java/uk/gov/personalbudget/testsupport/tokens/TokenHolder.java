package uk.gov.personalbudget.testsupport.tokens;

import uk.gov.personalbudget.contracts.value.Role;

/**
 * Whom a test token describes: its {@code sub}, {@code role}, {@code person} (for PERSON and NOMINEE) and
 * {@code authorisation_limit} (for AUTHORITY). Each service's tests name their callers with a record of their own
 * that implements this.
 */
public interface TokenHolder {

    String sub();

    Role role();

    String person();

    Long authorisationLimit();

    /** A holder for callers that need no record of their own (loads driving services run as processes). */
    static TokenHolder of(String sub, Role role, String person, Long authorisationLimit) {
        return new Claims(sub, role, person, authorisationLimit);
    }

    /** The plain holder {@link #of} makes. */
    record Claims(String sub, Role role, String person, Long authorisationLimit) implements TokenHolder {
    }
}
