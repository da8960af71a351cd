package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Collection;

/**
 * A batch that cannot be stored (database down, a record that does not read) is retried with growing
 * pauses, for ever: the consumer stalls and its lag shows it, but no event is skipped. Every failed attempt is
 * logged as an error naming the cause, so operators see why it stalls.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BudgetEventListener.class);

    @Bean
    DefaultErrorHandler batchRetries() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        // Spring Kafka reports failed attempts only at DEBUG.
        handler.setRetryListeners(new StallReport());
        return handler;
    }

    /**
     * Tells {@link IntakeStatus} when a consumer thread gives up its partitions, on that thread (Spring Boot gives this
     * listener to the intake's container): with a failure per thread, a thread that lost a stalled partition, or was
     * stopped for a replay, would otherwise keep the intake failing for ever.
     */
    @Bean
    ConsumerAwareRebalanceListener intakeStatusOnRebalance(IntakeStatus status) {
        return new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                status.released();
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                status.released();
            }
        };
    }

    private static final class StallReport implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
            log.error(
                    "a batch of {} budget events not stored (attempt {}); the consumer retries it and goes no further: {}",
                    records.count(),
                    attempt,
                    NestedExceptionUtils.getMostSpecificCause(failure).getMessage(),
                    failure);
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
            log.error(
                    "budget event {}-{}@{} not stored (attempt {}); the consumer retries and goes no further: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    attempt,
                    NestedExceptionUtils.getMostSpecificCause(failure).getMessage(),
                    failure);
        }
    }
}
