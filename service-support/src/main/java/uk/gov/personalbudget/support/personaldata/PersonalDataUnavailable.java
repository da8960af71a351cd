package uk.gov.personalbudget.support.personaldata;

/**
 * The key store cannot answer: it is unreachable, or it does not know a key id that a sealed value names (a key
 * row is never deleted, so that means the service points at the wrong key store). Never read as "erased".
 */
public class PersonalDataUnavailable extends RuntimeException {

    public PersonalDataUnavailable(String message) {
        super(message);
    }

    public PersonalDataUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
