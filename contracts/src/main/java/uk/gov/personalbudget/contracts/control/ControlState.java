package uk.gov.personalbudget.contracts.control;

import com.fasterxml.jackson.annotation.JsonIgnore;
import uk.gov.personalbudget.contracts.value.ManagementOption;

/**
 * What the control rule needs to remember between events.
 *
 * @param base             who holds control by the lifecycle alone, before any overlay
 * @param management       how the budget is managed, once chosen (decides control while it is in use)
 * @param delegate         the delegate while a delegation is in force
 * @param authorisedPerson the authorised person while an authorisation is in force
 */
public record ControlState(
        ControlParty base, ManagementOption management, ControlHolder delegate, ControlHolder authorisedPerson) {

    /** Before a budget is opened nobody holds control. */
    public static final ControlState INITIAL = new ControlState(ControlParty.NOBODY, null, null, null);

    /**
     * Who holds control now. Delegation and authorisation overlay the person only: wherever the lifecycle
     * gives control to the person, it goes to the delegate (first) or the authorised person instead.
     */
    public ControlHolder holder() {
        if (base == ControlParty.PERSON) {
            if (delegate != null) {
                return delegate;
            }
            if (authorisedPerson != null) {
                return authorisedPerson;
            }
        }
        return ControlHolder.of(base);
    }

    @JsonIgnore
    public boolean isDelegated() {
        return delegate != null;
    }

    @JsonIgnore
    public boolean isAuthorised() {
        return authorisedPerson != null;
    }

    ControlState withBase(ControlParty newBase) {
        return new ControlState(newBase, management, delegate, authorisedPerson);
    }

    ControlState withManagement(ManagementOption option) {
        return new ControlState(ControlRule.managerOf(option), option, delegate, authorisedPerson);
    }

    ControlState withDelegate(ControlHolder newDelegate) {
        return new ControlState(base, management, newDelegate, authorisedPerson);
    }

    ControlState withAuthorisedPerson(ControlHolder newAuthorisedPerson) {
        return new ControlState(base, management, delegate, newAuthorisedPerson);
    }
}
