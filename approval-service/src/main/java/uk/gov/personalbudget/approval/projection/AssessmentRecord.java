package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/** One {@code NeedsAssessed}: who led the assessment, for the co-production report. */
public record AssessmentRecord(
        BudgetId budgetId, long sequence, Instant assessedAt, AssessmentKind kind, boolean eligible) {}
