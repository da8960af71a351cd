package uk.gov.personalbudget.contracts.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Budget ids and person references are safe in a URL path and a log line. */
class IdentifierTest {

    private static final String SIXTY_FOUR = "a".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"PB-2026-0001", "P-1001", "a", "under_score", "0f8fad5b-d9cb-469f-a165-70867728950e"})
    void lettersDigitsHyphensAndUnderscoresAreAccepted(String value) {
        assertThat(new BudgetId(value).value()).isEqualTo(value);
        assertThat(new PersonReference(value).value()).isEqualTo(value);
    }

    @Test
    void sixtyFourCharactersAreTheMost() {
        assertThat(new BudgetId(SIXTY_FOUR).toString()).isEqualTo(SIXTY_FOUR);
        assertThat(new PersonReference(SIXTY_FOUR).toString()).isEqualTo(SIXTY_FOUR);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "PB 1",
                "../etc",
                "PB/1",
                "PB-1\n",
                "PB%201",
                "PB.1",
                "Zoë",
                "<script>",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void anythingElseIsRejected(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new BudgetId(value));
        assertThatIllegalArgumentException().isThrownBy(() -> new PersonReference(value));
    }

    @Test
    void nullIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new BudgetId(null));
        assertThatNullPointerException().isThrownBy(() -> new PersonReference(null));
    }

    @Test
    void generatedBudgetIdsMatchThePattern() {
        assertThat(BudgetId.generate().value()).matches(BudgetId.PATTERN);
        assertThat(BudgetId.generate()).isNotEqualTo(BudgetId.generate());
    }
}
