package uk.gov.personalbudget.contracts.event;

import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ChallengeAnswer;

import java.time.Instant;

/**
 * The authority answered an open challenge with reasons. Control unchanged: what changes follows as its own decision
 * (e.g. BudgetAdjusted).
 *
 * @param complaintReference the challenge's complaint reference
 * @param challengedAt       when the challenge was made, so that its wait can be read from this event alone
 */
public record ChallengeAnswered(
        BudgetId budgetId,
        Act act,
        ControlTransfer control,
        ChallengeAnswer answer,
        String complaintReference,
        Instant challengedAt)
        implements BudgetEvent {}
