package uk.gov.personalbudget.contracts.control;

import jakarta.validation.constraints.NotNull;

import java.util.Objects;

/**
 * Who holds control: a party, and for a named delegate or authorised person their actor id.
 *
 * @param party   the party holding control
 * @param actorId the named holder's id when control is with one particular delegate or authorised person
 */
public record ControlHolder(@NotNull ControlParty party, String actorId) {

    public static final ControlHolder PERSON = new ControlHolder(ControlParty.PERSON, null);
    public static final ControlHolder PRACTITIONER = new ControlHolder(ControlParty.PRACTITIONER, null);
    public static final ControlHolder AUTHORITY = new ControlHolder(ControlParty.AUTHORITY, null);
    public static final ControlHolder PROVIDER = new ControlHolder(ControlParty.PROVIDER, null);
    public static final ControlHolder NOBODY = new ControlHolder(ControlParty.NOBODY, null);

    public ControlHolder {
        Objects.requireNonNull(party, "party");
    }

    public static ControlHolder of(ControlParty party) {
        return new ControlHolder(party, null);
    }

    public static ControlHolder named(ControlParty party, String actorId) {
        return new ControlHolder(party, Objects.requireNonNull(actorId, "actorId"));
    }
}
