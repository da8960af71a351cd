package uk.gov.personalbudget.budget.personaldata;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import java.util.List;

/**
 * An erasure request as the authorities see it.
 *
 * @param id          the request's id, which the confirmation names
 * @param person      whose personal data it erases
 * @param reason      why, as the requesting authority wrote it ({@code [erased]} once the erasure is done)
 * @param requestedBy the authority who asked for it
 * @param requestedAt when
 * @param expiresAt   until when another authority may confirm it
 * @param status      awaiting confirmation, expired or confirmed
 * @param confirmedBy the authority who confirmed it, once confirmed
 * @param confirmedAt when, once confirmed
 * @param budgets     the person's budgets the erasure is recorded on
 */
record ErasureRequestView(
        String id,
        PersonReference person,
        String reason,
        String requestedBy,
        Instant requestedAt,
        Instant expiresAt,
        Status status,
        String confirmedBy,
        Instant confirmedAt,
        List<BudgetId> budgets) {

    /** Where a request stands. */
    public enum Status {
        AWAITING_CONFIRMATION,
        EXPIRED,
        CONFIRMED
    }
}
