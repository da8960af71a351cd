package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Challenge;
import uk.gov.personalbudget.contracts.value.Role;

/**
 * The person challenges an approved amount, a decline or a reduction, with the complaint's reference and their
 * grounds; the authority must answer it.
 */
@AllowedRoles(
        value = {Role.PERSON, Role.NOMINEE, Role.PRACTITIONER},
        condition = AllowedRoles.IN_THE_PERSONS_PLACE)
public record ChallengeDecision(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Challenge challenge) implements BudgetCommand {}
