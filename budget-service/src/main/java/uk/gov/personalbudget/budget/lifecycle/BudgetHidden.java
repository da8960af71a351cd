package uk.gov.personalbudget.budget.lifecycle;

/**
 * The caller may not see this budget (another council, or no relationship that lets their role see it). It is
 * answered exactly as a budget that does not exist, before any version, status or rule is looked at, so a refusal
 * tells nothing about the budget.
 */
public class BudgetHidden extends RuntimeException {

    public BudgetHidden() {
        super("no budget with this id", null, false, false);
    }
}
