package uk.gov.personalbudget.approval.access;

import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

/**
 * Whom a token describes: its {@code sub}, {@code role}, {@code person}, {@code authorisation_limit} and
 * {@code council} (the home council of {@link LifecycleEvents}' budgets unless {@link #inCouncil} says otherwise).
 */
public record Caller(String sub, Role role, String person, Long authorisationLimit, String council)
        implements TokenHolder {

    /** The person of the budget the tests read. */
    public static final Caller PERSON = home("p-1001", Role.PERSON, LifecycleEvents.PERSON_REF.value(), null);

    public static final Caller NOMINEE = home("n-1001", Role.NOMINEE, LifecycleEvents.PERSON_REF.value(), null);
    /** The practitioner the budget is allocated to. */
    public static final Caller PRACTITIONER = home(LifecycleEvents.PRACTITIONER, Role.PRACTITIONER, null, null);

    public static final Caller AUTHORITY = home(LifecycleEvents.AUTHORITY, Role.AUTHORITY, null, 2_000_000L);
    public static final Caller AUDITOR = home("aud-5001", Role.AUDITOR, null, null);
    public static final Caller SYSTEM = home(LifecycleEvents.SYSTEM, Role.SYSTEM, null, null);
    /** Person B, and B's nominee and practitioner. */
    public static final Caller OTHER_PERSON = home("p-2002", Role.PERSON, "P-2002", null);

    public static final Caller OTHER_PERSONS_NOMINEE = home("n-2002", Role.NOMINEE, "P-2002", null);
    public static final Caller OTHER_PRACTITIONER = home("sw-9001", Role.PRACTITIONER, null, null);

    public static Caller home(String sub, Role role, String person, Long authorisationLimit) {
        return new Caller(sub, role, person, authorisationLimit, TokenHolder.HOME_COUNCIL);
    }

    public static Caller usual(Role role) {
        return switch (role) {
            case PERSON -> PERSON;
            case NOMINEE -> NOMINEE;
            case PRACTITIONER -> PRACTITIONER;
            case AUTHORITY -> AUTHORITY;
            case AUDITOR -> AUDITOR;
            case SYSTEM -> SYSTEM;
        };
    }

    /** The same caller, working in {@code otherCouncil}. */
    public Caller inCouncil(String otherCouncil) {
        return new Caller(sub, role, person, authorisationLimit, otherCouncil);
    }
}
