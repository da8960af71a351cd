package uk.gov.personalbudget.approval.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import uk.gov.personalbudget.approval.replay.Replay;
import uk.gov.personalbudget.approval.replay.ReplayService;

import java.util.function.ToDoubleFunction;

/**
 * The running replay's progress: {@code approval.replay.running} (1 while one runs), {@code .events.processed},
 * {@code .events.to.process} and {@code .events.per.second}; 0 when none runs.
 */
class ReplayMetrics implements MeterBinder {

    private final ReplayService replays;

    ReplayMetrics(ReplayService replays) {
        this.replays = replays;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "approval.replay.running", "1 while a replay rebuilds the projections", replay -> 1);
        gauge(
                registry,
                "approval.replay.events.processed",
                "Events the running replay has consumed",
                Replay::eventsProcessed);
        gauge(
                registry,
                "approval.replay.events.to.process",
                "Events on the topic when the running replay began",
                Replay::eventsTotal);
        gauge(
                registry,
                "approval.replay.events.per.second",
                "The running replay's average rate",
                Replay::eventsPerSecond);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Replay> value) {
        Gauge.builder(
                        name,
                        replays,
                        service ->
                                service.inProgress().map(value::applyAsDouble).orElse(0.0))
                .description(description)
                .register(registry);
    }
}
