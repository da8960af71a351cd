package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Plan;

/**
 * The person submits a support plan within the offer (or asks for an exception with a reason). Allowed to
 * PERSON and NOMINEE, and to a PRACTITIONER with the person's recorded agreement.
 */
public record SubmitPlan(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Plan plan) implements BudgetCommand {
}
