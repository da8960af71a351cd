package uk.gov.personalbudget.budget.access;

import uk.gov.personalbudget.budget.web.Party;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

/** Whom a token describes: its {@code sub}, {@code role}, {@code person}, {@code authorisation_limit} and council. */
public record Caller(String sub, Role role, String person, Long authorisationLimit, String council)
        implements TokenHolder {

    public static Caller of(Party party) {
        return new Caller(
                party.sub,
                party.role,
                party.person == null ? null : party.person.value(),
                party.authorisationLimit,
                party.council);
    }

    /** The same holder, working in another council. */
    public Caller inCouncil(String otherCouncil) {
        return new Caller(sub, role, person, authorisationLimit, otherCouncil);
    }
}
