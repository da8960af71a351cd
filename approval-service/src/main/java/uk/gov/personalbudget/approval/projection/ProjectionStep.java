package uk.gov.personalbudget.approval.projection;

import java.util.List;

/**
 * What projecting one event gives: the budget's new summary and the rows to write. Delegation, plan and
 * contest records are whole rows that replace the row of the same budget and sequence.
 */
public record ProjectionStep(
        BudgetSummary after,
        List<ControlTrailEntry> trail,
        List<Decision> decisions,
        List<QueueChange> queue,
        List<DelegationRecord> delegations,
        List<PlanCycle> plans,
        List<ContestRecord> contests) {

    public ProjectionStep {
        trail = List.copyOf(trail);
        decisions = List.copyOf(decisions);
        queue = List.copyOf(queue);
        delegations = List.copyOf(delegations);
        plans = List.copyOf(plans);
        contests = List.copyOf(contests);
    }
}
