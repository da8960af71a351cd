package uk.gov.personalbudget.contracts.control;

import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reviews scheduled and not yet completed, written once for the aggregate and budget-service's history (before
 * it, each kept its own copy). Like {@link StatusRule}, it reads only what the events record.
 */
public final class PendingReviews {

    private static final Comparator<ReviewSchedule> DUE_FIRST = Comparator.comparing(ReviewSchedule::dueBy);

    private PendingReviews() {}

    /** Of the reviews pending, the one due first: the one a CompleteReview completes. Empty when none is pending. */
    public static Optional<ReviewSchedule> next(List<ReviewSchedule> pending) {
        return pending.stream().min(DUE_FIRST);
    }

    /** The reviews pending, the one due first first. */
    public static List<ReviewSchedule> dueFirst(List<ReviewSchedule> pending) {
        return pending.stream().sorted(DUE_FIRST).toList();
    }

    /**
     * Takes the review {@code completed} completed out of {@code pending}: the one it names, or, for events stored
     * before they named it, the one then due first.
     */
    public static void complete(List<ReviewSchedule> pending, ReviewCompleted completed) {
        if (!pending.remove(completed.review())) {
            next(pending).ifPresent(pending::remove);
        }
    }
}
