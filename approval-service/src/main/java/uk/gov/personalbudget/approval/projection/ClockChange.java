package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/** A change to a budget's {@link TimelinessClock}s, applied in order. */
public sealed interface ClockChange {

    /** A clock starts (the running one of its kind, if any, was stopped by a {@link Stop} before it). */
    record Start(TimelinessClock clock) implements ClockChange {}

    /** The running clock of this kind, if any, stops. */
    record Stop(BudgetId budgetId, ClockKind kind, Instant at, ClockEnd end) implements ClockChange {}
}
