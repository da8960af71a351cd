package uk.gov.personalbudget.approval.console;

/** budget-service could not be asked: none is configured, or it did not answer. */
class BudgetServiceUnavailable extends RuntimeException {

    BudgetServiceUnavailable(String message) {
        super(message);
    }
}
