package uk.gov.personalbudget.approval.projection.store;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

/**
 * Whose budget it is, for access control: a PERSON or NOMINEE reads only the budget of the person their token
 * names, a PRACTITIONER the budgets allocated to them.
 */
public record BudgetAccess(BudgetId budgetId, PersonReference person, String allocatedPractitioner,
                           String localAuthority) {
}
