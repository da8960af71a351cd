package uk.gov.personalbudget.budget.lifecycle;

import uk.gov.personalbudget.contracts.value.ReviewSchedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When each kind of review is due, after the statutory guidance: a light-touch review 6 to 8 weeks after
 * approval, a direct payment review within its first 6 months, and a review at least once a year.
 */
final class ReviewWindows {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration SIX_MONTHS = Duration.ofDays(183);
    private static final Duration YEAR = Duration.ofDays(365);

    /** A review for a change of capacity is due within four weeks of the appointment or its end. */
    private static final Duration CAPACITY_REVIEW_WITHIN = Duration.ofDays(28);

    private ReviewWindows() {}

    static Instant capacityReviewDue(Instant change) {
        return change.plus(CAPACITY_REVIEW_WITHIN);
    }

    /**
     * @param approvedAt   when the plan was approved
     * @param lastReviewAt when the last review was completed, or null
     * @param now          the current time
     */
    static void requireWithinWindow(
            ReviewSchedule review, Instant approvedAt, Instant lastReviewAt, Instant now, boolean directPayment) {
        Instant due = review.dueBy();
        if (due.isBefore(now)) {
            throw outside("a review cannot be due in the past");
        }
        switch (review.kind()) {
            case INITIAL_LIGHT_TOUCH -> {
                if (due.isBefore(approvedAt.plus(WEEK.multipliedBy(6)))
                        || due.isAfter(approvedAt.plus(WEEK.multipliedBy(8)))) {
                    throw outside("a light-touch review is due 6 to 8 weeks after approval");
                }
            }
            case DIRECT_PAYMENT -> {
                if (!directPayment) {
                    throw outside("a direct payment review needs a budget managed (in part) by direct payment");
                }
                if (due.isAfter(approvedAt.plus(SIX_MONTHS))) {
                    throw outside("a direct payment review is due within 6 months of approval");
                }
            }
            case ANNUAL -> {
                Instant since = lastReviewAt != null ? lastReviewAt : approvedAt;
                if (due.isAfter(since.plus(YEAR))) {
                    throw outside("a budget is reviewed at least once a year after approval or the last review");
                }
            }
            case CAPACITY_CHANGE, REQUESTED -> {
                // Due whenever the change or the request makes it due.
            }
        }
    }

    private static BudgetRuleViolation outside(String detail) {
        return new BudgetRuleViolation(Rule.REVIEW_DUE_OUTSIDE_WINDOW, detail, "review.dueBy");
    }
}
