package uk.gov.personalbudget.contracts.value;

/** How an approved budget is managed; it decides who holds control while the budget is in use. */
public enum ManagementOption {
    DIRECT_PAYMENT,
    COUNCIL_MANAGED,
    INDIVIDUAL_SERVICE_FUND,
    MIXED
}
