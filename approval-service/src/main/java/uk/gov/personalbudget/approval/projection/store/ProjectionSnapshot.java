package uk.gov.personalbudget.approval.projection.store;

import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.BudgetSummary;
import uk.gov.personalbudget.approval.projection.ContestRecord;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DelegationRecord;
import uk.gov.personalbudget.approval.projection.PlanCycle;

import java.util.List;

/**
 * Every row of one generation, without the generation, ordered by budget id and then sequence (queue: kind),
 * so two generations built from the same events are {@code equals}.
 */
public record ProjectionSnapshot(
        List<BudgetSummary> budgets,
        List<ControlTrailEntry> trail,
        List<Decision> decisions,
        List<ApprovalQueueEntry> queue,
        List<DelegationRecord> delegations,
        List<PlanCycle> plans,
        List<ContestRecord> contests) {}
