package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * Schedules a review of an approved budget.
 */
@AllowedRoles({Role.PRACTITIONER, Role.SYSTEM})
public record ScheduleReview(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid ReviewSchedule review) implements BudgetCommand {}
