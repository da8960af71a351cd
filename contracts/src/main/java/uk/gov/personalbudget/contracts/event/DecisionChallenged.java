package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Challenge;
import uk.gov.personalbudget.contracts.value.Money;

import java.time.Instant;

/**
 * The person challenged a decision of the authority; it awaits the authority's answer. Control unchanged: the
 * decision stands meanwhile (docs/events.md, "Challenging a decision").
 *
 * @param decisionSequence the sequence number of the decision's event in the budget's history
 * @param decidedAt        when the decision was made
 * @param decidedAmount    the amount the decision set (approved or reduced to); none for a decline
 */
public record DecisionChallenged(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        Challenge challenge,
        long decisionSequence,
        Instant decidedAt,
        Money decidedAmount)
        implements BudgetEvent {}
