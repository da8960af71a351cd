package uk.gov.personalbudget.approval.projection;

import java.util.List;

/**
 * What projecting one event gives: the budget's new summary and the rows to write. Delegation, plan and
 * contest records are whole rows that replace the row of the same budget and sequence; clock changes start and stop
 * timeliness clocks in order; outcomes, assessments and the person's acts are appended.
 */
public record ProjectionStep(
        BudgetSummary after,
        List<ControlTrailEntry> trail,
        List<Decision> decisions,
        List<QueueChange> queue,
        List<DelegationRecord> delegations,
        List<PlanCycle> plans,
        List<ContestRecord> contests,
        List<ClockChange> clocks,
        List<OutcomeRecord> outcomes,
        List<AssessmentRecord> assessments,
        List<PersonAct> acts) {

    public ProjectionStep {
        trail = List.copyOf(trail);
        decisions = List.copyOf(decisions);
        queue = List.copyOf(queue);
        delegations = List.copyOf(delegations);
        plans = List.copyOf(plans);
        contests = List.copyOf(contests);
        clocks = List.copyOf(clocks);
        outcomes = List.copyOf(outcomes);
        assessments = List.copyOf(assessments);
        acts = List.copyOf(acts);
    }
}
