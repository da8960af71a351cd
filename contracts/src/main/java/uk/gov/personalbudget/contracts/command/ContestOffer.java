package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The person contests an open offer, with a reason and optionally the amount they ask for.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE, Role.PRACTITIONER},
        condition = AllowedRoles.IN_THE_PERSONS_PLACE)
public record ContestOffer(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Contest contest) implements BudgetCommand {}
