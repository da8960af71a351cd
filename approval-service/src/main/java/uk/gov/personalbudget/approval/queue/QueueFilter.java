package uk.gov.personalbudget.approval.queue;

import uk.gov.personalbudget.approval.projection.QueueKind;

/**
 * Which approval queue items to read; every filter left null (or false) lets everything through.
 *
 * @param kind        only items of this kind
 * @param level       only plans awaiting a decision that need this authorisation level (implies that kind)
 * @param overdueOnly only items past their due date: delegations, reviews and the timeliness queue's kinds
 */
public record QueueFilter(QueueKind kind, String level, boolean overdueOnly) {

    public static final QueueFilter ALL = new QueueFilter(null, null, false);

    public static QueueFilter of(QueueKind kind) {
        return new QueueFilter(kind, null, false);
    }
}
