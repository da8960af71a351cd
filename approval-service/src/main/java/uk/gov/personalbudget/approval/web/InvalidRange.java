package uk.gov.personalbudget.approval.web;

/** A report's range ends before it starts. */
class InvalidRange extends RuntimeException {

    InvalidRange(String message) {
        super(message);
    }
}
