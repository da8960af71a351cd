package uk.gov.personalbudget.approval.projection;

import java.util.List;

/**
 * The projected rows a {@link ControlSummaryReport} is computed from. Rows may cover more budgets and times
 * than the report's range: the report picks what it needs. Of the decisions it reads only OFFER, MANAGEMENT, CHALLENGE, CHALLENGE_ANSWER and PREFERRED_CONTROL.
 */
public record ReportRows(
        List<BudgetSummary> budgets,
        List<ControlTrailEntry> trail,
        List<Decision> decisions,
        List<PlanCycle> plans,
        List<ContestRecord> contests,
        List<DelegationRecord> delegations) {

    /** No rows: the report of no budgets. */
    public static final ReportRows NONE =
            new ReportRows(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public ReportRows {
        budgets = List.copyOf(budgets);
        trail = List.copyOf(trail);
        decisions = List.copyOf(decisions);
        plans = List.copyOf(plans);
        contests = List.copyOf(contests);
        delegations = List.copyOf(delegations);
    }
}
