package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;

/**
 * One {@code OutcomeRecorded}, with what the budget was when it was recorded, for the outcomes report. The person's
 * own words are not kept here: the budget's history has them.
 *
 * @param sequence         the {@code OutcomeRecorded} event
 * @param recoveryGoalId   the recovery goal it relates to; null if none
 * @param planMadeBy       how the plan in force then was made; null when no approved plan was in force
 * @param managementOption how the budget was managed then; null before management was chosen
 * @param actorRole        who recorded it
 * @param onBehalf         whether someone other than the person recorded it for them
 */
public record OutcomeRecord(
        BudgetId budgetId,
        long sequence,
        Instant recordedAt,
        OutcomeDomain domain,
        String recoveryGoalId,
        PlanningApproach planMadeBy,
        ManagementOption managementOption,
        Role actorRole,
        boolean onBehalf) {}
