package uk.gov.personalbudget.approval.projection.store;

/** A generation that was never started, or was already promoted away or discarded. */
class UnknownGeneration extends IllegalStateException {

    UnknownGeneration(int generation) {
        super("projection generation " + generation + " does not exist");
    }
}
