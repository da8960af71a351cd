package uk.gov.personalbudget.budget.web;

import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

/** The callers the API tests act as, each with the token claims their role needs. */
public enum Party {
    PRACTITIONER("pr-ellis", Role.PRACTITIONER, null, null),
    /** An approver whose limit (£20,000 a year) covers every amount the bodies use. */
    AUTHORITY("au-okafor", Role.AUTHORITY, null, 2_000_000L),
    /** An approver whose limit (£5,000 a year) covers none of them. */
    JUNIOR_AUTHORITY("au-junior", Role.AUTHORITY, null, 500_000L),
    /** An authority token without an authorisation_limit claim. */
    UNLIMITED_AUTHORITY("au-nolimit", Role.AUTHORITY, null, null),
    PERSON("p-amara", Role.PERSON, Party.PERSON_REF, null),
    /** The nominee that delegations and authorisations in these tests name. */
    NOMINEE("n-jordan", Role.NOMINEE, Party.PERSON_REF, null),
    /** A nominee for the same person whom nothing names. */
    OTHER_NOMINEE("n-casey", Role.NOMINEE, Party.PERSON_REF, null),
    /** Another budget's person. */
    OTHER_PERSON("p-bo", Role.PERSON, Party.OTHER_PERSON_REF, null),
    /** Another person's nominee. */
    OTHER_PERSONS_NOMINEE("n-drew", Role.NOMINEE, Party.OTHER_PERSON_REF, null),
    AUDITOR("aud-khan", Role.AUDITOR, null, null),
    SYSTEM("sys-scheduler", Role.SYSTEM, null, null),
    /** A practitioner of the council to whom no budget in these tests is allocated. */
    OTHER_PRACTITIONER("pr-stranger", Role.PRACTITIONER, null, null),
    /** The same roles at another council, which none of these budgets belongs to. */
    OTHER_COUNCILS_AUTHORITY("au-elsewhere", Role.AUTHORITY, null, 9_000_000L, TokenHolder.OTHER_COUNCIL),
    OTHER_COUNCILS_PRACTITIONER("pr-ellis", Role.PRACTITIONER, null, null, TokenHolder.OTHER_COUNCIL),
    OTHER_COUNCILS_PERSON("p-amara", Role.PERSON, Party.PERSON_REF, null, TokenHolder.OTHER_COUNCIL);

    /** The person every budget in these tests is for. */
    public static final String PERSON_REF = "P-1001";

    public static final String OTHER_PERSON_REF = "P-2002";

    public final String sub;
    public final Role role;
    public final PersonReference person;
    public final Long authorisationLimit;
    /** The token's council claim: every budget in these tests belongs to {@link TokenHolder#HOME_COUNCIL}. */
    public final String council;

    Party(String sub, Role role, String person, Long authorisationLimit) {
        this(sub, role, person, authorisationLimit, TokenHolder.HOME_COUNCIL);
    }

    Party(String sub, Role role, String person, Long authorisationLimit, String council) {
        this.sub = sub;
        this.role = role;
        this.person = person == null ? null : new PersonReference(person);
        this.authorisationLimit = authorisationLimit;
        this.council = council;
    }
}
