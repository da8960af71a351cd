package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.ManagementOption;

/** How reports group budgets: by management option, with {@code NONE} for budgets without a choice yet. */
enum ManagementGroup {
    NONE,
    DIRECT_PAYMENT,
    COUNCIL_MANAGED,
    INDIVIDUAL_SERVICE_FUND,
    MIXED;

    public static ManagementGroup of(ManagementOption option) {
        return option == null ? NONE : valueOf(option.name());
    }
}
