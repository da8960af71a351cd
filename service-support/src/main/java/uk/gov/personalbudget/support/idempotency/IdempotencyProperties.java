package uk.gov.personalbudget.support.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

import java.time.Duration;
import java.util.List;

/**
 * How a service remembers {@code Idempotency-Key}s ({@code idempotency.*}).
 *
 * @param enabled           whether POSTs honour the header at all
 * @param retention         how long a key and its answer are kept after the first request
 * @param inProgressTimeout how long a key stays claimed by a request that has not been answered; after it a
 *                          retry may run again (a crash must not block a key for the whole retention)
 * @param cleanupInterval   how often expired keys are deleted (expired keys are also replaced when reused)
 * @param pathPatterns      the POST paths whose requests honour the header (Ant-style patterns)
 * @param maxKeysPerCaller  the most unexpired keys one caller may hold; a new key beyond it is refused (429), so that
 *                          no caller can fill the table
 */
@ConfigurationProperties("idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration inProgressTimeout,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("/api/**") List<String> pathPatterns,
        @DefaultValue("10000") int maxKeysPerCaller) {

    public IdempotencyProperties {
        requirePositive(retention, "retention");
        requirePositive(inProgressTimeout, "in-progress-timeout");
        requirePositive(cleanupInterval, "cleanup-interval");
        Assert.isTrue(
                inProgressTimeout.compareTo(retention) <= 0,
                "idempotency.in-progress-timeout must not exceed idempotency.retention");
        pathPatterns = List.copyOf(pathPatterns);
        Assert.isTrue(maxKeysPerCaller > 0, "idempotency.max-keys-per-caller must be positive");
    }

    private static void requirePositive(Duration duration, String name) {
        Assert.isTrue(!duration.isNegative() && !duration.isZero(), "idempotency." + name + " must be positive");
    }
}
