package uk.gov.personalbudget.budget.lifecycle;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.Objects;

/**
 * Who may do the person's own acts. While a delegation or authorisation is in force, the acts that move
 * the budget on for the person (accepting, contesting, submitting, choosing) are done by that holder; the
 * person keeps their own voice (statements, outcomes) throughout.
 */
final class PersonActs {

    private PersonActs() {}

    /** The acts that move the budget on for the person: only whoever stands in the person's place now. */
    static void requireStandsInPersonsPlace(Actor actor, ControlState control) {
        ControlHolder inPlace = personsPlace(control);
        if (inPlace.party() == ControlParty.PERSON) {
            if (actor.is(Role.PERSON)) {
                return;
            }
            if (actor.is(Role.NOMINEE)) {
                throw new BudgetRuleViolation(
                        Rule.NOT_ACTING_FOR_THE_PERSON,
                        "a nominee acts for the person only while a delegation or authorisation names them");
            }
            throw notAllowed(actor);
        }
        if (isNamed(actor, inPlace)) {
            return;
        }
        if (actor.is(Role.PERSON) || actor.is(Role.NOMINEE) || actor.is(Role.PRACTITIONER)) {
            throw new BudgetRuleViolation(
                    Rule.NOT_ACTING_FOR_THE_PERSON,
                    "while control is delegated or an authorised person is appointed, "
                            + inPlace.party().name().toLowerCase() + " " + inPlace.actorId() + " acts for the person");
        }
        throw notAllowed(actor);
    }

    /** The person's own words: the person, or a nominee named by a delegation or authorisation in force. */
    static void requireSpeaksForPerson(Actor actor, ControlState control) {
        if (actor.is(Role.PERSON)) {
            return;
        }
        if (actor.is(Role.NOMINEE)) {
            if (isNamed(actor, control.delegate()) || isNamed(actor, control.authorisedPerson())) {
                return;
            }
            throw new BudgetRuleViolation(
                    Rule.NOT_ACTING_FOR_THE_PERSON,
                    "a nominee speaks for the person only while a delegation or authorisation names them");
        }
        throw notAllowed(actor);
    }

    /** Whether {@code actor} is the named delegate now in force. */
    static boolean isDelegate(Actor actor, ControlState control) {
        return isNamed(actor, control.delegate());
    }

    /** The person an act was done for, when someone other than the person did it. */
    static PersonReference onBehalfOf(Actor actor, PersonReference person) {
        return actor.is(Role.PERSON) ? null : person;
    }

    static BudgetRuleViolation notAllowed(Actor actor) {
        return new BudgetRuleViolation(Rule.ROLE_NOT_ALLOWED, "the role " + actor.role() + " may not do this");
    }

    private static ControlHolder personsPlace(ControlState control) {
        if (control.delegate() != null) {
            return control.delegate();
        }
        if (control.authorisedPerson() != null) {
            return control.authorisedPerson();
        }
        return ControlHolder.PERSON;
    }

    private static boolean isNamed(Actor actor, ControlHolder holder) {
        if (holder == null || !Objects.equals(holder.actorId(), actor.id())) {
            return false;
        }
        return switch (holder.party()) {
            case NOMINEE -> actor.is(Role.NOMINEE);
            case PRACTITIONER -> actor.is(Role.PRACTITIONER);
            default -> false;
        };
    }
}
