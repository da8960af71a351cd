package uk.gov.personalbudget.approval.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;

import java.util.List;

/**
 * {@code approval.authorisation-scheme.levels}: the council's scheme of authorisation, lowest level first,
 * each with a {@code name} and a {@code yearly-limit-pence} (inclusive); the last level has no limit. Without
 * the property: TEAM_MANAGER up to 1,500,000 pence a year, SERVICE_MANAGER up to 3,000,000, HEAD_OF_SERVICE
 * above.
 */
@ConfigurationProperties("approval.authorisation-scheme")
record AuthorisationSchemeProperties(List<Level> levels) {

    public static final List<Level> DEFAULT_LEVELS = List.of(
            new Level("TEAM_MANAGER", 1_500_000L),
            new Level("SERVICE_MANAGER", 3_000_000L),
            new Level("HEAD_OF_SERVICE", null));

    public AuthorisationSchemeProperties {
        levels = levels == null || levels.isEmpty() ? DEFAULT_LEVELS : List.copyOf(levels);
    }

    public record Level(String name, Long yearlyLimitPence) {}

    public AuthorisationScheme scheme() {
        return new AuthorisationScheme(levels.stream()
                .map(level -> new AuthorisationScheme.Level(level.name(), level.yearlyLimitPence()))
                .toList());
    }
}
