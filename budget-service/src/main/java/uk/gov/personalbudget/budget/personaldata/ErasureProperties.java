package uk.gov.personalbudget.budget.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code personal-data.erasure.*}.
 *
 * @param requestExpiry how long an erasure request waits for a second authority's confirmation
 */
@ConfigurationProperties("personal-data.erasure")
record ErasureProperties(@DefaultValue("72h") Duration requestExpiry) {

    public ErasureProperties {
        if (requestExpiry.isNegative() || requestExpiry.isZero()) {
            throw new IllegalArgumentException("personal-data.erasure.request-expiry must be positive");
        }
    }
}
