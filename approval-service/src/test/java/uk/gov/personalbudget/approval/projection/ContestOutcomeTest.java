package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.Period;

import static org.assertj.core.api.Assertions.assertThat;

class ContestOutcomeTest {

    private static final Money OFFERED = Money.yearly(1_200_000);
    private static final Money ASKED = Money.yearly(1_400_000);

    @Test
    void reachingTheAmountAskedOrMoreIsRaisedToAsked() {
        assertThat(ContestOutcome.of(Money.yearly(1_400_000), OFFERED, ASKED))
                .isEqualTo(ContestOutcome.RAISED_TO_ASKED);
        assertThat(ContestOutcome.of(Money.yearly(1_500_000), OFFERED, ASKED))
                .isEqualTo(ContestOutcome.RAISED_TO_ASKED);
    }

    @Test
    void aRaiseShortOfTheAmountAskedIsRaisedPartly() {
        assertThat(ContestOutcome.of(Money.yearly(1_300_000), OFFERED, ASKED)).isEqualTo(ContestOutcome.RAISED_PARTLY);
    }

    @Test
    void keepingOrLoweringTheOfferIsNotRaised() {
        assertThat(ContestOutcome.of(OFFERED, OFFERED, ASKED)).isEqualTo(ContestOutcome.NOT_RAISED);
        assertThat(ContestOutcome.of(Money.yearly(1_100_000), OFFERED, ASKED)).isEqualTo(ContestOutcome.NOT_RAISED);
        assertThat(ContestOutcome.of(OFFERED, OFFERED, null)).isEqualTo(ContestOutcome.NOT_RAISED);
    }

    @Test
    void withNoAmountAskedAnyRaiseMeetsTheContest() {
        assertThat(ContestOutcome.of(Money.yearly(1_200_001), OFFERED, null)).isEqualTo(ContestOutcome.RAISED_TO_ASKED);
    }

    @Test
    void amountsOfDifferentPeriodsAreComparedPerYear() {
        Money weekly = new Money(27_000, Period.WEEKLY);
        assertThat(ContestOutcome.of(weekly, OFFERED, ASKED))
                .as("1,404,000 a year")
                .isEqualTo(ContestOutcome.RAISED_TO_ASKED);
    }
}
