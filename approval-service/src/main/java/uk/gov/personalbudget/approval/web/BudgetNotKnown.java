package uk.gov.personalbudget.approval.web;

/**
 * approval-service has received no event of this budget, or the caller may not see it: the two are answered
 * alike, word for word, so a refusal tells nothing about a budget ({@link BudgetVisibility}).
 */
class BudgetNotKnown extends RuntimeException {

    BudgetNotKnown() {
        super("no budget with this id", null, false, false);
    }
}
