package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;

/**
 * One delegation of a budget, from {@code ControlDelegated} to its end, for the report of delegations not
 * handed back by their intended date.
 *
 * @param sequence    the {@code ControlDelegated} event
 * @param since       when control was delegated
 * @param intendedEnd when control was meant to come back
 * @param endedAt     when it ended; null while in force
 * @param endedBy     how it ended; null while in force
 */
public record DelegationRecord(
        BudgetId budgetId,
        long sequence,
        String delegateId,
        Role delegateRole,
        DelegationReason reason,
        Instant since,
        Instant intendedEnd,
        Instant endedAt,
        DelegationEnd endedBy) {}
