package uk.gov.personalbudget.approval.intake;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** With a consumer thread per partition, one thread's stored batch does not hide another thread's stall. */
class IntakeStatusTest {

    private final IntakeStatus status = new IntakeStatus();
    private final Instant at = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void theIntakeFailsWhileAnyThreadsLastBatchFailedAndRecoversWhenThatThreadStoresOne() {
        onAnotherThread(() -> status.failed(new IllegalStateException("database down"), at));
        status.stored();

        assertThat(status.failing())
                .hasValueSatisfying(failure -> assertThat(failure.cause()).isEqualTo("IllegalStateException"));

        status.failed(new IllegalArgumentException("later"), at.plusSeconds(5));
        assertThat(status.failing())
                .hasValueSatisfying(failure ->
                        assertThat(failure.since()).as("the earliest stall").isEqualTo(at));
        status.stored();
        assertThat(status.failing()).isPresent();
    }

    @Test
    void aThreadThatStoresAgainClearsItsOwnFailure() {
        status.failed(new IllegalStateException("database down"), at);
        status.stored();

        assertThat(status.failing()).isEmpty();
    }

    @Test
    void aThreadThatGivesUpItsPartitionsForgetsItsFailureAndOnlyIts() {
        onAnotherThread(() -> status.failed(new IllegalStateException("database down"), at));
        status.failed(new IllegalArgumentException("unreadable"), at.plusSeconds(5));

        status.released();

        assertThat(status.failing())
                .as("the other thread's stall is still there")
                .hasValueSatisfying(failure -> assertThat(failure.cause()).isEqualTo("IllegalStateException"));
        onAnotherThread(status::released);
        assertThat(status.failing()).isEmpty();
    }

    private static void onAnotherThread(Runnable work) {
        CompletableFuture.runAsync(work, runnable -> new Thread(runnable, "budget-events-0-C-2").start())
                .join();
    }
}
