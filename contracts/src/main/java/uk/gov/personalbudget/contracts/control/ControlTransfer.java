package uk.gov.personalbudget.contracts.control;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotNull;

/**
 * Who held control before an event and who holds it after; every event carries one. When the two differ
 * the event is a control transfer, the unit of the audit trail.
 */
public record ControlTransfer(
        @NotNull ControlHolder before, @NotNull ControlHolder after) {

    /** Derived, so not part of the JSON form. */
    @JsonIgnore
    public boolean isTransfer() {
        return !before.equals(after);
    }
}
