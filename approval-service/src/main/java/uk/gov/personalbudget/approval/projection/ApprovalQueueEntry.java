package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;

/**
 * One item of the approval queue, as projected: at most one per budget and kind. The authorisation level
 * and how long it has waited depend on the scheme and the clock at reading time: see {@link ApprovalQueueItem}.
 *
 * @param sequence    the event that put the item in the queue
 * @param since       when it started waiting (an {@code _OVERDUE} kind: when its timeliness clock started)
 * @param yearlyPence PLAN_AWAITING_DECISION: the yearly amount the authority is asked to commit, the larger of
 *                    the offer and the plan's cost (a plan above the offer asks for an exception);
 *                    CONTEST_AWAITING_ANSWER: the yearly amount the person asked for, if any; null otherwise
 * @param dueBy       DELEGATION: the intended end; REVIEW: the date it is due by; an {@code _OVERDUE} kind: when its
 *                    timeliness clock fell due (the statutory window's end, or the council's threshold); null otherwise
 * @param detail      DELEGATION: the delegate's id; REVIEW and ENDING_AWAITING_CLOSURE: the review kind; null
 *                    otherwise
 * @param allocatedPractitioner whose caseload the budget is on now (kept up to date when it moves)
 * @param localAuthority        the council the budget belongs to: the queue is read per council
 */
public record ApprovalQueueEntry(
        BudgetId budgetId,
        QueueKind kind,
        long sequence,
        Instant since,
        PersonReference person,
        String allocatedPractitioner,
        String localAuthority,
        Long yearlyPence,
        Instant dueBy,
        String detail) {

    public ApprovalQueueEntry withAllocatedPractitioner(String practitioner) {
        return new ApprovalQueueEntry(
                budgetId, kind, sequence, since, person, practitioner, localAuthority, yearlyPence, dueBy, detail);
    }
}
