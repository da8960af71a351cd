package uk.gov.personalbudget.approval.reports;

/** A report's range ends before it starts. */
public class InvalidRange extends RuntimeException {

    InvalidRange(String message) {
        super(message);
    }
}
