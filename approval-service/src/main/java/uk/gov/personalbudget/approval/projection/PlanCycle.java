package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PlanningApproach;

import java.time.Instant;

/**
 * One submitted plan, from {@code PlanSubmitted} to its return, approval, decline or lapse: the basis of the
 * authority's waiting time and of the return and decline rates.
 *
 * @param sequence    the {@code PlanSubmitted} event
 * @param yearlyPence the plan's cost over a year
 * @param endorsedAt  when a practitioner endorsed it; null if not (yet)
 * @param outcome     how it ended; null while open
 * @param decidedAt   when it ended; null while open
 */
public record PlanCycle(
        BudgetId budgetId,
        long sequence,
        Instant submittedAt,
        long yearlyPence,
        PlanningApproach madeBy,
        Instant endorsedAt,
        PlanOutcome outcome,
        Instant decidedAt) {}
