package uk.gov.personalbudget.approval.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How long each council lets a budget wait for an offer or a decision, or stay suspended, before the wait is overdue:
 * a council's own thresholds, each falling back to the defaults. Read when the queue or the report is read, so a change
 * applies at once to every clock running.
 */
public record TimelinessThresholds(Thresholds defaults, Map<String, Thresholds> councils) {

    /** Without configuration: an offer within 28 days of an eligible assessment, a decision within 14 days of the
     * plan's endorsement, a suspension looked at again after 28 days. */
    public static final Thresholds DEFAULTS =
            new Thresholds(Duration.ofDays(28), Duration.ofDays(14), Duration.ofDays(28));

    /**
     * @param offerWithin      from an eligible assessment to the offer
     * @param decisionWithin   from the plan's endorsement to the authority's decision
     * @param suspensionWithin how long a budget may stay suspended
     */
    public record Thresholds(Duration offerWithin, Duration decisionWithin, Duration suspensionWithin) {

        Thresholds orElse(Thresholds fallback) {
            return new Thresholds(
                    Objects.requireNonNullElse(offerWithin, fallback.offerWithin),
                    Objects.requireNonNullElse(decisionWithin, fallback.decisionWithin),
                    Objects.requireNonNullElse(suspensionWithin, fallback.suspensionWithin));
        }
    }

    public TimelinessThresholds {
        defaults = defaults == null ? DEFAULTS : defaults.orElse(DEFAULTS);
        councils = councils == null ? Map.of() : Map.copyOf(councils);
    }

    /** The thresholds of {@code council}: its own, each falling back to the defaults. */
    public Thresholds of(String council) {
        Thresholds own = councils.get(council);
        return own == null ? defaults : own.orElse(defaults);
    }

    /** When the clock is due: its statutory window's end, or its start plus its council's threshold; null if never. */
    public Instant dueBy(TimelinessClock clock) {
        if (clock.dueBy() != null || !clock.kind().councilThreshold()) {
            return clock.dueBy();
        }
        Thresholds thresholds = of(clock.localAuthority());
        Duration within = switch (clock.kind()) {
            case OFFER -> thresholds.offerWithin();
            case DECISION -> thresholds.decisionWithin();
            default -> thresholds.suspensionWithin();
        };
        return clock.startedAt().plus(within);
    }
}
