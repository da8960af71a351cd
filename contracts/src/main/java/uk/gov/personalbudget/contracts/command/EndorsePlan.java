package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Endorsement;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * A practitioner endorses a submitted plan for the authority to decide.
 */
@AllowedRoles(value = Role.PRACTITIONER, condition = "not the practitioner who submitted it")
public record EndorsePlan(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Endorsement endorsement) implements BudgetCommand {}
