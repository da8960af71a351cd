package uk.gov.personalbudget.approval.replay;

/** Kafka could not be made to start the consumer from the beginning; nothing changed. */
public class ReplayNotStarted extends RuntimeException {

    public ReplayNotStarted(String message, Throwable cause) {
        super(message, cause);
    }
}
