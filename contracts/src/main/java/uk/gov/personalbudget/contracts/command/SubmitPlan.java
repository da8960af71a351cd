package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The person submits a support plan within the offer (or asks for an exception with a reason).
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE, Role.PRACTITIONER},
        condition =
                AllowedRoles.IN_THE_PERSONS_PLACE
                        + "; a PRACTITIONER also with the person's recorded agreement, and then another practitioner endorses it")
public record SubmitPlan(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Plan plan) implements BudgetCommand {}
