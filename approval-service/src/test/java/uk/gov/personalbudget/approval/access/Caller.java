package uk.gov.personalbudget.approval.access;

import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

/** Whom a token describes: its {@code sub}, {@code role}, {@code person} and {@code authorisation_limit}. */
public record Caller(String sub, Role role, String person, Long authorisationLimit) implements TokenHolder {

    /** The person of the budget the tests read. */
    public static final Caller PERSON = new Caller("p-1001", Role.PERSON, LifecycleEvents.PERSON_REF.value(), null);
    public static final Caller NOMINEE = new Caller("n-1001", Role.NOMINEE, LifecycleEvents.PERSON_REF.value(), null);
    /** The practitioner the budget is allocated to. */
    public static final Caller PRACTITIONER = new Caller(LifecycleEvents.PRACTITIONER, Role.PRACTITIONER, null, null);
    public static final Caller AUTHORITY = new Caller(LifecycleEvents.AUTHORITY, Role.AUTHORITY, null, 2_000_000L);
    public static final Caller AUDITOR = new Caller("aud-5001", Role.AUDITOR, null, null);
    public static final Caller SYSTEM = new Caller(LifecycleEvents.SYSTEM, Role.SYSTEM, null, null);
    /** Person B, and B's nominee and practitioner. */
    public static final Caller OTHER_PERSON = new Caller("p-2002", Role.PERSON, "P-2002", null);
    public static final Caller OTHER_PERSONS_NOMINEE = new Caller("n-2002", Role.NOMINEE, "P-2002", null);
    public static final Caller OTHER_PRACTITIONER = new Caller("sw-9001", Role.PRACTITIONER, null, null);

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
}
