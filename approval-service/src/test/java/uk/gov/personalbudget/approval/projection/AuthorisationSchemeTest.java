package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme.Level;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorisationSchemeTest {

    private final AuthorisationScheme scheme = new AuthorisationScheme(List.of(
            new Level("TEAM_MANAGER", 1_500_000L),
            new Level("SERVICE_MANAGER", 3_000_000L),
            new Level("HEAD_OF_SERVICE", null)));

    @Test
    void eachLimitIsInclusiveAndTheLastLevelHasNone() {
        assertThat(scheme.levelFor(0).name()).isEqualTo("TEAM_MANAGER");
        assertThat(scheme.levelFor(1_500_000).name()).isEqualTo("TEAM_MANAGER");
        assertThat(scheme.levelFor(1_500_001).name()).isEqualTo("SERVICE_MANAGER");
        assertThat(scheme.levelFor(3_000_000).name()).isEqualTo("SERVICE_MANAGER");
        assertThat(scheme.levelFor(3_000_001).name()).isEqualTo("HEAD_OF_SERVICE");
        assertThat(scheme.levelFor(Long.MAX_VALUE).name()).isEqualTo("HEAD_OF_SERVICE");
    }

    @Test
    void aSingleUnlimitedLevelDecidesEverything() {
        assertThat(new AuthorisationScheme(List.of(new Level("PANEL", null)))
                        .levelFor(9_999_999)
                        .name())
                .isEqualTo("PANEL");
    }

    @Test
    void knowsItsLevelsByName() {
        assertThat(scheme.hasLevel("SERVICE_MANAGER")).isTrue();
        assertThat(scheme.hasLevel("DIRECTOR")).isFalse();
    }

    @Test
    void refusesASchemeWhereSomePlanWouldHaveNoLevel() {
        assertThatThrownBy(() -> new AuthorisationScheme(List.of(new Level("TEAM_MANAGER", 1_500_000L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no yearly limit");
        assertThatThrownBy(() -> new AuthorisationScheme(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesLimitsThatDoNotIncreaseOrAnUnlimitedLevelBeforeTheLast() {
        assertThatThrownBy(() -> new AuthorisationScheme(
                        List.of(new Level("A", 2_000L), new Level("B", 1_000L), new Level("C", null))))
                .hasMessageContaining("increase");
        assertThatThrownBy(() -> new AuthorisationScheme(List.of(new Level("A", null), new Level("B", null))))
                .hasMessageContaining("only the last");
        assertThatThrownBy(() -> new AuthorisationScheme(List.of(new Level("A", 1L), new Level("A", null))))
                .hasMessageContaining("named twice");
    }
}
