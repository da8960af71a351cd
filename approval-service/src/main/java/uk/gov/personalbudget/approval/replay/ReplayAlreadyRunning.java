package uk.gov.personalbudget.approval.replay;

import java.util.UUID;

/** Only one replay runs at a time. */
public class ReplayAlreadyRunning extends RuntimeException {

    private final UUID running;

    public ReplayAlreadyRunning(UUID running) {
        super("replay " + running + " is already running");
        this.running = running;
    }

    public UUID running() {
        return running;
    }
}
