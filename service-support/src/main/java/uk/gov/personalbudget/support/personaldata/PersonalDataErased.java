package uk.gov.personalbudget.support.personaldata;

import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;

/**
 * New personal text for a person whose key was destroyed: erasure is final for that person reference, so it is
 * refused rather than stored under a new key or silently dropped.
 */
public class PersonalDataErased extends RuntimeException {

    private final transient PersonReference person;
    private final Instant erasedAt;

    public PersonalDataErased(PersonReference person, Instant erasedAt) {
        super("the personal data of " + person + " was erased at " + erasedAt
                + ": nothing personal can be recorded under that person reference again");
        this.person = person;
        this.erasedAt = erasedAt;
    }

    public PersonReference person() {
        return person;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}
