package uk.gov.personalbudget.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.BudgetId;

/**
 * Records a needs assessment and eligibility determination with written reasons; not after approval (a re-
 * assessment then goes through review). Allowed to PRACTITIONER, and to the PERSON for a self-assessment.
 */
public record RecordAssessment(
        @NotNull @Valid BudgetId budgetId,
        @NotNull @Valid Actor actor,
        @NotNull @Valid Assessment assessment) implements BudgetCommand {
}
