package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/**
 * One duty or wait of a budget timed from the event that started it until what it waited for happened (or it
 * stopped applying): the rows of the timeliness queue and report. At most one clock of a kind is running per budget;
 * starting one stops the one running.
 *
 * @param sequence       the event that started it
 * @param localAuthority the budget's council, whose thresholds apply
 * @param dueBy          when a statutory review window closes; null for the kinds the council's thresholds time (due
 *                       when read) and for MONEY_IN_PLACE
 * @param endedAt        when it stopped; null while running
 * @param end            how it stopped; null while running
 */
public record TimelinessClock(
        BudgetId budgetId,
        ClockKind kind,
        long sequence,
        String localAuthority,
        Instant startedAt,
        Instant dueBy,
        Instant endedAt,
        ClockEnd end) {

    public boolean running() {
        return endedAt == null;
    }

    public TimelinessClock stopped(Instant at, ClockEnd how) {
        return new TimelinessClock(budgetId, kind, sequence, localAuthority, startedAt, dueBy, at, how);
    }
}
