package uk.gov.personalbudget.approval.web;

import java.util.UUID;

/** No replay has this id, on any instance. */
class ReplayNotFound extends RuntimeException {

    ReplayNotFound(UUID id) {
        super("no replay " + id + " is known");
    }
}
