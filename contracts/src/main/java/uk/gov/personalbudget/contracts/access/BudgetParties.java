package uk.gov.personalbudget.contracts.access;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.value.PersonReference;

/**
 * What the access rule needs to know of a budget, as it is now: whose it is and who may stand for the person.
 *
 * @param council               the council the budget belongs to
 * @param person                the person it is for
 * @param allocatedPractitioner the practitioner whose caseload it is on, or null
 * @param delegate              the delegate named by the delegation in force, or null
 * @param authorisedPerson      the authorised person in force, or null
 */
public record BudgetParties(
        String council,
        PersonReference person,
        String allocatedPractitioner,
        ControlHolder delegate,
        ControlHolder authorisedPerson) {}
