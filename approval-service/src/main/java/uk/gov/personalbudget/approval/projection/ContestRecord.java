package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;

import java.time.Instant;

/**
 * One contest of an offer, from {@code OfferContested} to its answer or lapse.
 *
 * @param sequence  the {@code OfferContested} event
 * @param offered   the offer contested
 * @param requested what the person asked for; null if they named no amount
 * @param endedAt   when it was answered or lapsed; null while waiting
 * @param revised   the revised offer; null unless answered
 * @param outcome   null while waiting
 */
public record ContestRecord(
        BudgetId budgetId,
        long sequence,
        Instant contestedAt,
        Money offered,
        Money requested,
        Instant endedAt,
        Money revised,
        ContestOutcome outcome) {}
