package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;

/**
 * Schedules a review of an approved budget. Allowed to PRACTITIONER and SYSTEM.
 */
public record ScheduleReview(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid ReviewSchedule review) implements BudgetCommand {
}
