package uk.gov.personalbudget.contracts.control;

import java.time.Duration;

/**
 * The statutory review windows (Care and Support Statutory Guidance, chapter 13; the Care and Support (Direct
 * Payments) Regulations 2014, reg. 8), written once: budget-service refuses a review scheduled outside them, and
 * approval-service's timeliness queue and report count a duty as missed when no review was completed within them.
 */
public final class ReviewDeadlines {

    private static final Duration WEEK = Duration.ofDays(7);

    /** A light-touch review is due no earlier than 6 weeks after the plan's approval... */
    public static final Duration INITIAL_EARLIEST = WEEK.multipliedBy(6);

    /** ...and no later than 8 weeks after it. */
    public static final Duration INITIAL_LATEST = WEEK.multipliedBy(8);

    /** A direct payment is reviewed within 6 months of its start. */
    public static final Duration DIRECT_PAYMENT = Duration.ofDays(183);

    /** A budget is reviewed at least once a year after approval or its last review. */
    public static final Duration ANNUAL = Duration.ofDays(365);

    private ReviewDeadlines() {}
}
