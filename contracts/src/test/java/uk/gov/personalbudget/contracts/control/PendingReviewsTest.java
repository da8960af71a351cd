package uk.gov.personalbudget.contracts.control;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewResult;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which review is pending after a completion, decided once for the aggregate and the history. */
class PendingReviewsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final ReviewSchedule ANNUAL = new ReviewSchedule(ReviewKind.ANNUAL, NOW.plusSeconds(86_400 * 300L));
    private static final ReviewSchedule CAPACITY =
            new ReviewSchedule(ReviewKind.CAPACITY_CHANGE, NOW.plusSeconds(86_400 * 20L));

    @Test
    void theNextReviewIsTheOneDueFirst() {
        assertThat(PendingReviews.next(List.of(ANNUAL, CAPACITY))).contains(CAPACITY);
        assertThat(PendingReviews.dueFirst(List.of(ANNUAL, CAPACITY))).containsExactly(CAPACITY, ANNUAL);
        assertThat(PendingReviews.next(List.of())).isEmpty();
    }

    @Test
    void aCompletionTakesOutTheReviewItNames() {
        List<ReviewSchedule> pending = new ArrayList<>(List.of(CAPACITY, ANNUAL));

        PendingReviews.complete(pending, completed(ANNUAL));

        assertThat(pending).containsExactly(CAPACITY);
    }

    @Test
    void aCompletionStoredBeforeEventsNamedTheirReviewTakesOutTheOneDueFirst() {
        List<ReviewSchedule> pending = new ArrayList<>(List.of(ANNUAL, CAPACITY));

        PendingReviews.complete(pending, completed(null));

        assertThat(pending).containsExactly(ANNUAL);
    }

    @Test
    void aCompletionWithNothingPendingLeavesNothingPending() {
        List<ReviewSchedule> pending = new ArrayList<>();

        PendingReviews.complete(pending, completed(null));

        assertThat(pending).isEmpty();
    }

    private static ReviewCompleted completed(ReviewSchedule review) {
        return new ReviewCompleted(
                new BudgetId("b-1"),
                new Act("pr-1", Role.PRACTITIONER, null, NOW),
                null,
                review,
                new ReviewResult(ReviewOutcome.CONTINUE, "Going well", true));
    }
}
