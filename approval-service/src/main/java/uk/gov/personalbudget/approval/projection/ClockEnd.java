package uk.gov.personalbudget.approval.projection;

/** How a {@link TimelinessClock} stopped. */
public enum ClockEnd {
    /** What it waited for happened: the offer, the decision, the review, the resumption, the money in place. */
    MET,
    /** It stopped applying first: the budget closed or ended, the plan lapsed, the direct payment stopped. */
    LAPSED
}
