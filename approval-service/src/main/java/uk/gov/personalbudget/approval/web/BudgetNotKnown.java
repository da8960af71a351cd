package uk.gov.personalbudget.approval.web;

import uk.gov.personalbudget.contracts.value.BudgetId;

/** approval-service has received no event of this budget (yet). */
public class BudgetNotKnown extends RuntimeException {

    public BudgetNotKnown(BudgetId id) {
        super("no events of budget " + id + " have reached approval-service");
    }
}
