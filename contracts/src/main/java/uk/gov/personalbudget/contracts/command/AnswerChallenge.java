package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ChallengeAnswer;
import uk.gov.personalbudget.contracts.value.Role;

/** The authority answers an open challenge with reasons, and says what changes unless it is not upheld. */
@AllowedRoles(Role.AUTHORITY)
public record AnswerChallenge(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid ChallengeAnswer answer) implements BudgetCommand {}
