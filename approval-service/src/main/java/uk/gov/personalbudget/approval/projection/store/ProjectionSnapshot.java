package uk.gov.personalbudget.approval.projection.store;

import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.AssessmentRecord;
import uk.gov.personalbudget.approval.projection.BudgetSummary;
import uk.gov.personalbudget.approval.projection.ContestRecord;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DelegationRecord;
import uk.gov.personalbudget.approval.projection.OutcomeRecord;
import uk.gov.personalbudget.approval.projection.PersonAct;
import uk.gov.personalbudget.approval.projection.PlanCycle;
import uk.gov.personalbudget.approval.projection.TimelinessClock;

import java.util.List;

/**
 * Every row of one generation, without the generation, ordered by budget id and then sequence (queue: kind; clocks: kind, then sequence),
 * so two generations built from the same events are {@code equals}.
 */
public record ProjectionSnapshot(
        List<BudgetSummary> budgets,
        List<ControlTrailEntry> trail,
        List<Decision> decisions,
        List<ApprovalQueueEntry> queue,
        List<DelegationRecord> delegations,
        List<PlanCycle> plans,
        List<ContestRecord> contests,
        List<TimelinessClock> clocks,
        List<OutcomeRecord> outcomes,
        List<AssessmentRecord> assessments,
        List<PersonAct> acts) {}
