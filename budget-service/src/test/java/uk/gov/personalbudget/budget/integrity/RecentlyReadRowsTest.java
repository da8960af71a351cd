package uk.gov.personalbudget.budget.integrity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows are taken once, and only the most recent ones are kept. */
class RecentlyReadRowsTest {

    @Test
    void aRowIsTakenOnce() {
        var rows = new RecentlyReadRows(4);
        rows.add(row(7));

        assertThat(rows.take("e-7")).get().extracting(ChainedEvent::globalIndex).isEqualTo(7L);
        assertThat(rows.take("e-7")).isEmpty();
    }

    @Test
    void beyondItsCapacityTheOldestRowsAreDropped() {
        var rows = new RecentlyReadRows(2);
        rows.add(row(1));
        rows.add(row(2));
        rows.add(row(3));

        assertThat(rows.take("e-1")).isEmpty();
        assertThat(rows.take("e-2")).isPresent();
        assertThat(rows.take("e-3")).isPresent();
    }

    private static ChainedEvent row(long globalIndex) {
        return new ChainedEvent(
                globalIndex,
                new StoredEvent(
                        "b-1", globalIndex, "e-" + globalIndex, "PersonalBudget", "t", "p", null, new byte[0], null),
                null,
                null);
    }
}
