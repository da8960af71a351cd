package uk.gov.personalbudget.approval.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.gov.personalbudget.approval.projection.TimelinessThresholds;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code approval.timeliness}: how long a budget may wait for an offer after an eligible assessment
 * ({@code offer-within}), for the authority's decision after the plan's endorsement ({@code decision-within}), and stay
 * suspended ({@code suspension-within}) before the approval queue and the timeliness report call it overdue.
 * {@code defaults} apply to every council; {@code councils.<id>} overrides any of them for one council. Without the
 * property: 28 days, 14 days and 28 days. The statutory review windows are not configurable (contracts
 * {@code ReviewDeadlines}).
 */
@ConfigurationProperties("approval.timeliness")
record TimelinessProperties(Thresholds defaults, Map<String, Thresholds> councils) {

    public record Thresholds(Duration offerWithin, Duration decisionWithin, Duration suspensionWithin) {

        TimelinessThresholds.Thresholds value() {
            return new TimelinessThresholds.Thresholds(offerWithin, decisionWithin, suspensionWithin);
        }
    }

    public TimelinessThresholds thresholds() {
        Map<String, TimelinessThresholds.Thresholds> own = new HashMap<>();
        if (councils != null) {
            councils.forEach((council, thresholds) -> own.put(council, thresholds.value()));
        }
        return new TimelinessThresholds(defaults == null ? null : defaults.value(), own);
    }
}
