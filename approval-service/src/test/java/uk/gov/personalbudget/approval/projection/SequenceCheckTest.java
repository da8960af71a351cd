package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.support.LifecycleEvents;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceCheckTest {

    private final List<EventEnvelope> events = LifecycleEvents.budget("PB-1")
            .opened()
            .assessed()
            .offered(1_000_000)
            .accepted()
            .envelopes();
    private final BudgetSummary afterTwo =
            InMemoryProjection.of(events.subList(0, 2)).summary(events.get(0).budgetId());

    @Test
    void theFirstEventOfABudgetIsSequenceZero() {
        assertThat(SequenceCheck.of(null, events.get(0))).isEqualTo(SequenceCheck.APPLY);
        assertThat(SequenceCheck.of(null, events.get(1))).isEqualTo(SequenceCheck.GAP);
    }

    @Test
    void theNextSequenceIsApplied() {
        assertThat(SequenceCheck.of(afterTwo, events.get(2))).isEqualTo(SequenceCheck.APPLY);
    }

    @Test
    void aRedeliveredEventIsAlreadyApplied() {
        assertThat(SequenceCheck.of(afterTwo, events.get(0))).isEqualTo(SequenceCheck.ALREADY_APPLIED);
        assertThat(SequenceCheck.of(afterTwo, events.get(1))).isEqualTo(SequenceCheck.ALREADY_APPLIED);
    }

    @Test
    void anEventAfterAMissingOneIsAGap() {
        assertThat(SequenceCheck.of(afterTwo, events.get(3))).isEqualTo(SequenceCheck.GAP);
    }

    @Test
    void aSkippedEventNamesTheMissingOnes() {
        var ahead = new AheadOfSequence(events.get(0).budgetId(), 2, 5, null);

        assertThat(ahead.describe())
                .isEqualTo("budget PB-1: expected event 2 but received event 5; events 2 to 4 have not come yet");
    }
}
