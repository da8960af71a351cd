package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Outcome;

/**
 * Records an outcome in the person's own words against an outcome domain. Allowed to PERSON, NOMINEE and
 * PRACTITIONER.
 */
public record RecordOutcome(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Outcome outcome) implements BudgetCommand {
}
