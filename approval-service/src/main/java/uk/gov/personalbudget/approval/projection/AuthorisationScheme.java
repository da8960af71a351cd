package uk.gov.personalbudget.approval.projection;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The council's scheme of authorisation: ordered levels, each able to commit up to a yearly amount, the last
 * with no upper limit, so every plan has a level that can decide it. For example TEAM_MANAGER up to
 * 1,500,000 pence a year, SERVICE_MANAGER up to 3,000,000, HEAD_OF_SERVICE above.
 */
public final class AuthorisationScheme {

    /**
     * One level.
     *
     * @param name              e.g. {@code TEAM_MANAGER}
     * @param yearlyLimitPence  the largest yearly amount it may commit (inclusive); null for no limit
     */
    public record Level(String name, Long yearlyLimitPence) {

        public Level {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an authorisation level has a name");
            }
        }

        public boolean covers(long yearlyPence) {
            return yearlyLimitPence == null || yearlyPence <= yearlyLimitPence;
        }
    }

    private final List<Level> levels;

    /** Levels from the lowest limit to the highest; limits strictly increasing, only the last without one. */
    public AuthorisationScheme(List<Level> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("a scheme of authorisation has at least one level");
        }
        this.levels = List.copyOf(levels);
        var names = new HashSet<String>();
        Long previous = null;
        for (int i = 0; i < this.levels.size(); i++) {
            Level level = this.levels.get(i);
            if (!names.add(level.name())) {
                throw new IllegalArgumentException("authorisation level " + level.name() + " is named twice");
            }
            boolean last = i == this.levels.size() - 1;
            if (last != (level.yearlyLimitPence() == null)) {
                throw new IllegalArgumentException(
                        "only the last authorisation level, and always the last, has no yearly limit: " + level.name());
            }
            if (!last) {
                if (previous != null && level.yearlyLimitPence() <= previous) {
                    throw new IllegalArgumentException(
                            "authorisation limits increase from level to level: " + level.name());
                }
                previous = level.yearlyLimitPence();
            }
        }
    }

    /** The lowest level whose limit covers {@code yearlyPence}. */
    public Level levelFor(long yearlyPence) {
        for (Level level : levels) {
            if (level.covers(yearlyPence)) {
                return level;
            }
        }
        throw new IllegalStateException("the last level has no limit");
    }

    public List<Level> levels() {
        return levels;
    }

    /** Whether the scheme has a level of this name. */
    public boolean hasLevel(String name) {
        return levels.stream().anyMatch(level -> level.name().equals(name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthorisationScheme scheme && levels.equals(scheme.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(levels);
    }

    @Override
    public String toString() {
        return "AuthorisationScheme" + levels;
    }
}
