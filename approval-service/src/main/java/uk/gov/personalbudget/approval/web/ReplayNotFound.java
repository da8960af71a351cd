package uk.gov.personalbudget.approval.web;

import java.util.UUID;

/** No replay has this id (replays are remembered until the service restarts). */
class ReplayNotFound extends RuntimeException {

    ReplayNotFound(UUID id) {
        super("no replay " + id + " is known to this approval-service");
    }
}
