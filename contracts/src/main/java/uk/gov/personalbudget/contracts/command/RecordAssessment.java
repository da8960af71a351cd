package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * Records a needs assessment and eligibility determination with written reasons; not after approval (a re-
 * assessment then goes through review).
 */
@AllowedRoles(
        value = {Role.PERSON, Role.PRACTITIONER},
        condition = "a PERSON records only a self-assessment")
public record RecordAssessment(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Assessment assessment) implements BudgetCommand {}
