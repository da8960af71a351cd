package uk.gov.personalbudget.budget.lifecycle;

import uk.gov.personalbudget.contracts.control.ReviewDeadlines;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When each kind of review is due, after the statutory guidance: a light-touch review 6 to 8 weeks after
 * approval, a direct payment review within the first 6 months of the direct payment, and a review at least once a
 * year (the windows are the contracts' {@link ReviewDeadlines}, which approval-service's timeliness report counts by). A
 * review whose window has passed is overdue, not impossible: it is due within {@link #OVERDUE_WITHIN} of now.
 */
final class ReviewWindows {

    /** An overdue review (its window passed) is scheduled to take place within four weeks. */
    static final Duration OVERDUE_WITHIN = Duration.ofDays(28);

    /** A review for a change of capacity is due within four weeks of the appointment or its end. */
    private static final Duration CAPACITY_REVIEW_WITHIN = Duration.ofDays(28);

    private ReviewWindows() {}

    static Instant capacityReviewDue(Instant change) {
        return change.plus(CAPACITY_REVIEW_WITHIN);
    }

    /**
     * @param approvedAt         when the plan was approved
     * @param lastReviewAt       when the last review was completed, or null
     * @param now                the current time
     * @param directPaymentSince when the direct payment began (management chosen with one), or null without one
     */
    static void requireWithinWindow(
            ReviewSchedule review, Instant approvedAt, Instant lastReviewAt, Instant now, Instant directPaymentSince) {
        Instant due = review.dueBy();
        if (due.isBefore(now)) {
            throw outside("a review cannot be due in the past");
        }
        switch (review.kind()) {
            case INITIAL_LIGHT_TOUCH -> {
                Instant latest = approvedAt.plus(ReviewDeadlines.INITIAL_LATEST);
                if (isOverdue(latest, now)) {
                    requireSoon(due, now, "a light-touch review is overdue (8 weeks after approval passed)");
                } else if (due.isBefore(approvedAt.plus(ReviewDeadlines.INITIAL_EARLIEST)) || due.isAfter(latest)) {
                    throw outside("a light-touch review is due 6 to 8 weeks after approval");
                }
            }
            case DIRECT_PAYMENT -> {
                if (directPaymentSince == null) {
                    throw outside("a direct payment review needs a budget managed (in part) by direct payment");
                }
                Instant latest = directPaymentSince.plus(ReviewDeadlines.DIRECT_PAYMENT);
                if (isOverdue(latest, now)) {
                    requireSoon(due, now, "a direct payment review is overdue (6 months of the direct payment passed)");
                } else if (due.isAfter(latest)) {
                    throw outside("a direct payment review is due within 6 months of the direct payment's start");
                }
            }
            case ANNUAL -> {
                Instant latest = (lastReviewAt != null ? lastReviewAt : approvedAt).plus(ReviewDeadlines.ANNUAL);
                if (isOverdue(latest, now)) {
                    requireSoon(due, now, "an annual review is overdue (a year since approval or the last review)");
                } else if (due.isAfter(latest)) {
                    throw outside("a budget is reviewed at least once a year after approval or the last review");
                }
            }
            case CAPACITY_CHANGE, REQUESTED -> {
                // Due whenever the change or the request makes it due.
            }
        }
    }

    private static boolean isOverdue(Instant latest, Instant now) {
        return latest.isBefore(now);
    }

    private static void requireSoon(Instant due, Instant now, String overdue) {
        if (due.isAfter(now.plus(OVERDUE_WITHIN))) {
            throw outside(overdue + ": it is due within 4 weeks");
        }
    }

    private static BudgetRuleViolation outside(String detail) {
        return new BudgetRuleViolation(Rule.REVIEW_DUE_OUTSIDE_WINDOW, detail, "review.dueBy");
    }
}
