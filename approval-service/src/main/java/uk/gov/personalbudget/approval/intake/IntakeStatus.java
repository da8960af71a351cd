package uk.gov.personalbudget.approval.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * How the last attempt to store a batch of budget events ended. The listener reports successes, the retrying
 * error handler failures; a failure stays the last word until a batch is stored again.
 */
public class IntakeStatus {

    private volatile Failure lastFailure;

    public void stored() {
        lastFailure = null;
    }

    public void failed(Throwable cause, Instant at) {
        lastFailure = new Failure(cause.getClass().getSimpleName(), at);
    }

    /** The failure of the last attempt, if it failed. */
    public Optional<Failure> failing() {
        return Optional.ofNullable(lastFailure);
    }

    public record Failure(String cause, Instant since) {}
}
