package uk.gov.personalbudget.contracts.value;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static ValidatorFactory validatorFactory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        validatorFactory.close();
    }

    @ParameterizedTest(name = "{0} pence {1} is {2} pence a year")
    @CsvSource({
        "24000,   WEEKLY,      1248000",
        "96154,   FOUR_WEEKLY, 1250002",
        "104166,  MONTHLY,     1249992",
        "1250000, YEARLY,      1250000"
    })
    void yearlyPenceMultipliesByTheTimesAPeriodRecursInAYear(long pence, Period period, long yearly) {
        assertThat(new Money(pence, period).yearlyPence()).isEqualTo(yearly);
    }

    @Test
    void periodsRecurFiftyTwoThirteenTwelveAndOnceAYear() {
        assertThat(Period.WEEKLY.timesPerYear()).isEqualTo(52);
        assertThat(Period.FOUR_WEEKLY.timesPerYear()).isEqualTo(13);
        assertThat(Period.MONTHLY.timesPerYear()).isEqualTo(12);
        assertThat(Period.YEARLY.timesPerYear()).isEqualTo(1);
    }

    @Test
    void amountsOfDifferentPeriodsCompareByTheYear() {
        assertThat(new Money(24_000, Period.WEEKLY).compareYearly(Money.yearly(1_248_000)))
                .isZero();
        assertThat(new Money(104_167, Period.MONTHLY).compareYearly(Money.yearly(1_250_000)))
                .isPositive();
        assertThat(new Money(96_153, Period.FOUR_WEEKLY).compareYearly(Money.yearly(1_250_000)))
                .isNegative();
    }

    @Test
    void theLargestValidAmountStaysFarBelowOverflowWhenMadeYearly() {
        Money largest = new Money(Money.MAX_PENCE, Period.WEEKLY);

        assertThat(validator.validate(largest)).isEmpty();
        assertThat(largest.yearlyPence()).isEqualTo(520_000_000_000L);
    }

    @Test
    void anAmountAboveTheMaximumIsInvalid() {
        assertThat(validator.validate(new Money(Money.MAX_PENCE + 1, Period.YEARLY)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("pence");
    }

    @Test
    void aNegativeAmountIsInvalid() {
        assertThat(validator.validate(new Money(-1, Period.MONTHLY)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("pence");
    }

    @Test
    void anAmountThatWouldOverflowWhenMadeYearlyFailsInsteadOfWrappingRound() {
        Money unvalidated = new Money(Long.MAX_VALUE / 10, Period.WEEKLY);

        assertThatThrownBy(unvalidated::yearlyPence).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anAmountNeedsAPeriod() {
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyMoreThanZeroIsPositive() {
        assertThat(Money.yearly(1).isPositive()).isTrue();
        assertThat(Money.yearly(0).isPositive()).isFalse();
    }

    @Test
    void breakdownsPlansAndSplitsAddUpPerYear() {
        var calculation = new Calculation(
                "RAS",
                "1",
                List.of(
                        new BreakdownLine("Care", Money.yearly(800_000)),
                        new BreakdownLine("Activities", new Money(7_500, Period.WEEKLY)),
                        new BreakdownLine("Peer group", new Money(5_000, Period.MONTHLY))));
        var split = new MixedSplit(new Money(50_000, Period.MONTHLY), Money.yearly(650_000), null);

        assertThat(calculation.breakdownYearlyPence()).isEqualTo(1_250_000);
        assertThat(split.yearlyPence()).isEqualTo(1_250_000);
        assertThat(split.includesDirectPayment()).isTrue();
        assertThat(new MixedSplit(Money.yearly(0), Money.yearly(1_250_000), null).includesDirectPayment())
                .isFalse();
    }
}
