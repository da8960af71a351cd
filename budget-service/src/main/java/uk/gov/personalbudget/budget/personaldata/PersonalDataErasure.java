package uk.gov.personalbudget.budget.personaldata;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a confirmed erasure: whose key was destroyed, when, and by whose two decisions.
 *
 * @param person      the person reference
 * @param requestId   the request confirmed
 * @param keyId       the id of the destroyed key (every value it sealed names it)
 * @param requestedBy the authority who requested the erasure
 * @param requestedAt when
 * @param confirmedBy the authority who confirmed it
 * @param erasedAt    when the key was destroyed
 * @param budgets     the budgets on which {@code PersonalDataErasureConfirmed} is recorded
 */
record PersonalDataErasure(
        PersonReference person,
        String requestId,
        String keyId,
        String requestedBy,
        Instant requestedAt,
        String confirmedBy,
        Instant erasedAt,
        List<BudgetId> budgets) {}
