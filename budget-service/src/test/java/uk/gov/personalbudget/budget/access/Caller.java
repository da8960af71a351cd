package uk.gov.personalbudget.budget.access;

import uk.gov.personalbudget.budget.web.Party;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

/** Whom a token describes: its {@code sub}, {@code role}, {@code person} and {@code authorisation_limit}. */
public record Caller(String sub, Role role, String person, Long authorisationLimit) implements TokenHolder {

    public static Caller of(Party party) {
        return new Caller(party.sub, party.role, party.person == null ? null : party.person.value(),
                party.authorisationLimit);
    }

    /** A practitioner no budget in these tests is allocated to. */
    public static final Caller OTHER_PRACTITIONER = new Caller("pr-nobody", Role.PRACTITIONER, null, null);
}
