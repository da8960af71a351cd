package uk.gov.personalbudget.support.observability;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka cluster answers: DOWN when no broker describes the cluster within {@link #TIMEOUT}. The answer
 * is kept for {@link #KEEP_FOR}, so probes and scrapes arriving together ask the cluster once. Neither service puts
 * it in its readiness group: budget-service stores commands without Kafka and approval-service answers from what it
 * has projected; both catch up when Kafka is back (docs/reliability.md), and the lag alerts say how far behind.
 */
public class KafkaBrokerHealth implements HealthIndicator, DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration KEEP_FOR = Duration.ofSeconds(5);

    private final Admin admin;
    private final Clock clock;
    private volatile Checked last;

    /** @param adminSettings the service's Kafka admin client settings (bootstrap servers, security) */
    public KafkaBrokerHealth(Map<String, Object> adminSettings, Clock clock) {
        Map<String, Object> settings = new HashMap<>(adminSettings);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(settings);
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Checked checked = last;
        if (checked == null || checked.at().plus(KEEP_FOR).isBefore(now)) {
            checked = new Checked(now, ask());
            last = checked;
        }
        return checked.health();
    }

    /** Whether the last answer, at most {@link #KEEP_FOR} old, was that the cluster is reachable. */
    public boolean reachable() {
        return Status.UP.equals(health().getStatus());
    }

    private Health ask() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes()
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS)
                    .size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }

    private record Checked(Instant at, Health health) {}
}
