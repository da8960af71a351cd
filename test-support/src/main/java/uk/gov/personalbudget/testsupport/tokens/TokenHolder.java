package uk.gov.personalbudget.testsupport.tokens;

import uk.gov.personalbudget.contracts.value.Role;

/**
 * Whom a test token describes: its {@code sub}, {@code role}, {@code person} (for PERSON and NOMINEE),
 * {@code authorisation_limit} (for AUTHORITY) and {@code council} ({@link #HOME_COUNCIL} unless a holder says
 * otherwise). Each service's tests name their callers with a record of their own that implements this.
 */
public interface TokenHolder {

    /** The council test budgets belong to unless a test says otherwise. */
    String HOME_COUNCIL = "leeds";
    /** Another council the test deployment serves, for callers who must see none of the first's budgets. */
    String OTHER_COUNCIL = "bristol";
    /** Both, as the services under test are configured ({@code security.councils.served}). */
    String SERVED_COUNCILS = HOME_COUNCIL + "," + OTHER_COUNCIL;

    String sub();

    Role role();

    String person();

    Long authorisationLimit();

    /** The token's council claim; null leaves it out (a SYSTEM caller scoped by configuration). */
    default String council() {
        return HOME_COUNCIL;
    }

    /** A holder for callers that need no record of their own (loads driving services run as processes). */
    static TokenHolder of(String sub, Role role, String person, Long authorisationLimit) {
        return new Claims(sub, role, person, authorisationLimit, HOME_COUNCIL);
    }

    /** The plain holder {@link #of} makes. */
    record Claims(String sub, Role role, String person, Long authorisationLimit, String council)
            implements TokenHolder {}
}
