package uk.gov.personalbudget.approval.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A batch that cannot be stored (database down, a record that does not read) is retried with growing
 * pauses, for ever: the consumer stalls and its lag shows it, but no event is skipped.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    DefaultErrorHandler batchRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }
}
