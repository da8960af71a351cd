package uk.gov.personalbudget.approval.web;

/** A report's range ends before it starts. */
public class InvalidRange extends RuntimeException {

    public InvalidRange(String message) {
        super(message);
    }
}
