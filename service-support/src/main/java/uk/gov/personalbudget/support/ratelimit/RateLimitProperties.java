package uk.gov.personalbudget.support.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How many requests one caller may send ({@code api.rate-limit.*}): a token bucket per caller (the token's
 * {@code sub}) in each instance, holding {@code burst} requests and refilled at {@code perSecond}.
 *
 * @param enabled   whether callers are limited at all
 * @param perSecond the requests a caller may send each second, sustained
 * @param burst     the requests a caller may send at once, after a quiet spell
 * @param callers   the most callers whose buckets are kept; the least recently seen are forgotten first
 */
@ConfigurationProperties("api.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") long perSecond,
        @DefaultValue("400") long burst,
        @DefaultValue("100000") int callers) {

    public RateLimitProperties {
        Assert.isTrue(perSecond > 0, "api.rate-limit.per-second must be positive");
        Assert.isTrue(burst >= perSecond, "api.rate-limit.burst must be at least api.rate-limit.per-second");
        Assert.isTrue(callers > 0, "api.rate-limit.callers must be positive");
    }
}
