package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The person accepts an open offer and starts planning.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE, Role.PRACTITIONER},
        condition = AllowedRoles.IN_THE_PERSONS_PLACE)
public record AcceptOffer(
        @NotNull @Valid BudgetId budgetId, @NotNull @Valid Actor actor) implements BudgetCommand {}
