package uk.gov.personalbudget.support.personaldata;

/** A sealed value that its key does not open: it was altered, or it names the wrong key. */
public class PersonalDataTampered extends RuntimeException {

    public PersonalDataTampered(String message) {
        super(message);
    }
}
