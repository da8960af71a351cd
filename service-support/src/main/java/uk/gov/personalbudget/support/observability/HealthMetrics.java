package uk.gov.personalbudget.support.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

import java.util.List;

/**
 * The health the probes see, as gauges Prometheus can alert on: {@code health.status} with tag {@code path} for
 * {@code readiness}, {@code liveness} and each named component ({@code kafka}, {@code db}, ...): 1 when UP, 0
 * otherwise (also when the path is unknown).
 */
public class HealthMetrics implements MeterBinder {

    private final HealthEndpoint health;
    private final List<String> paths;

    /** @param paths health groups and components to report, as in {@code /actuator/health/<path>} */
    public HealthMetrics(HealthEndpoint health, List<String> paths) {
        this.health = health;
        this.paths = List.copyOf(paths);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        paths.forEach(path -> Gauge.builder("health.status", this, metrics -> metrics.up(path))
                .tag("path", path)
                .description("1 when /actuator/health/" + path + " is UP, else 0")
                .register(registry));
    }

    private double up(String path) {
        HealthComponent component = health.healthForPath(path.split("/"));
        return component != null && Status.UP.equals(component.getStatus()) ? 1 : 0;
    }
}
