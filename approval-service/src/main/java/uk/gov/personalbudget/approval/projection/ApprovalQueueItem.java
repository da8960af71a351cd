package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;

/**
 * An approval queue item as a reader sees it at {@code now}: the projected entry plus what depends on the
 * scheme of authorisation and the clock, worked out when read so that a change to the scheme applies at once
 * to everything waiting.
 *
 * @param level          PLAN_AWAITING_DECISION: the lowest authorisation level covering the amount to commit;
 *                       null for other kinds
 * @param waitingSeconds how long it has waited: {@code now} minus {@code since}, whole seconds
 * @param overdue        DELEGATION, REVIEW, CAPACITY_REVIEW: {@code now} is after the due date (the intended end,
 *                       the review date); the {@code _OVERDUE} kinds of the timeliness queue: always (they are read
 *                       only once due); false for other kinds
 */
public record ApprovalQueueItem(ApprovalQueueEntry entry, String level, long waitingSeconds, boolean overdue) {

    public static ApprovalQueueItem of(ApprovalQueueEntry entry, AuthorisationScheme scheme, Instant now) {
        String level = entry.kind() == QueueKind.PLAN_AWAITING_DECISION && entry.yearlyPence() != null
                ? scheme.levelFor(entry.yearlyPence()).name()
                : null;
        boolean overdue = entry.dueBy() != null && now.isAfter(entry.dueBy());
        return new ApprovalQueueItem(entry, level, BudgetProjector.seconds(entry.since(), now), overdue);
    }

    public BudgetId budgetId() {
        return entry.budgetId();
    }

    public QueueKind kind() {
        return entry.kind();
    }
}
