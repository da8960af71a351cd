package uk.gov.personalbudget.approval.replay;

import java.util.UUID;

/** No replay has this id, on any instance. */
public class ReplayNotFound extends RuntimeException {

    ReplayNotFound(UUID id) {
        super("no replay " + id + " is known");
    }
}
