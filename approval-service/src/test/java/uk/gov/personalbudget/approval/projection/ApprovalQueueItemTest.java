package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme.Level;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalQueueItemTest {

    private static final AuthorisationScheme SCHEME =
            new AuthorisationScheme(List.of(new Level("TEAM_MANAGER", 1_500_000L), new Level("HEAD_OF_SERVICE", null)));
    private static final Instant SINCE = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-10T09:00:00Z");

    private static ApprovalQueueEntry entry(QueueKind kind, Long yearlyPence, Instant dueBy) {
        return new ApprovalQueueEntry(
                new BudgetId("PB-1"),
                kind,
                4,
                SINCE,
                new PersonReference("P-1"),
                "sw-1",
                "Leeds",
                yearlyPence,
                dueBy,
                null);
    }

    @Test
    void aPlanNeedsTheLevelThatCoversItsAmount() {
        assertThat(ApprovalQueueItem.of(entry(QueueKind.PLAN_AWAITING_DECISION, 1_500_000L, null), SCHEME, SINCE)
                        .level())
                .isEqualTo("TEAM_MANAGER");
        assertThat(ApprovalQueueItem.of(entry(QueueKind.PLAN_AWAITING_DECISION, 1_500_001L, null), SCHEME, SINCE)
                        .level())
                .isEqualTo("HEAD_OF_SERVICE");
    }

    @Test
    void onlyPlansHaveALevel() {
        assertThat(ApprovalQueueItem.of(entry(QueueKind.CONTEST_AWAITING_ANSWER, 2_000_000L, null), SCHEME, SINCE)
                        .level())
                .isNull();
    }

    @Test
    void waitingIsCountedInWholeSecondsFromSince() {
        assertThat(ApprovalQueueItem.of(
                                entry(QueueKind.PLAN_AWAITING_DECISION, 1L, null), SCHEME, SINCE.plusMillis(90_500))
                        .waitingSeconds())
                .isEqualTo(90);
    }

    @Test
    void aDelegationOrReviewIsOverdueOnlyAfterItsDueDate() {
        assertThat(ApprovalQueueItem.of(entry(QueueKind.DELEGATION, null, DUE), SCHEME, DUE)
                        .overdue())
                .isFalse();
        assertThat(ApprovalQueueItem.of(entry(QueueKind.DELEGATION, null, DUE), SCHEME, DUE.plusSeconds(1))
                        .overdue())
                .isTrue();
        assertThat(ApprovalQueueItem.of(entry(QueueKind.REVIEW, null, DUE), SCHEME, DUE.plusSeconds(1))
                        .overdue())
                .isTrue();
        assertThat(ApprovalQueueItem.of(entry(QueueKind.PLAN_AWAITING_DECISION, 1L, null), SCHEME, DUE.plusSeconds(1))
                        .overdue())
                .isFalse();
    }
}
