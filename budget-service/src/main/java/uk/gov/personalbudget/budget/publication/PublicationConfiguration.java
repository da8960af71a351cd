package uk.gov.personalbudget.budget.publication;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import uk.gov.personalbudget.budget.integrity.ChainedEvent;
import uk.gov.personalbudget.budget.integrity.RecentlyReadRows;
import uk.gov.personalbudget.budget.integrity.TamperEvidence;
import uk.gov.personalbudget.budget.trace.TraceContexts;
import uk.gov.personalbudget.support.observability.KafkaBrokerHealth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publication of the stored events to Kafka: the topic, the producer and the pooled streaming processor that runs
 * {@link KafkaEventPublisher}. Spring Boot's own Kafka auto-configuration is excluded (application.yml) so that,
 * with {@code budget.publication.enabled=false}, no Kafka bean exists at all; the {@code spring.kafka.*} settings
 * still apply, read here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "budget.publication", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({PublicationProperties.class, KafkaProperties.class})
class PublicationConfiguration {

    /** Kept forever: approval-service, and any council system, rebuild their views from the first event. */
    @Bean
    public NewTopic budgetEventsTopic(PublicationProperties publication) {
        return TopicBuilder.name(publication.topic())
                .partitions(publication.partitions())
                .replicas(publication.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    /**
     * Creates the topic at start-up ({@code spring.kafka.admin.*} settings apply). A broker that cannot be reached
     * then delays the start by about the operation timeout; {@link TopicCheck} tries again before publishing.
     */
    @Bean
    public KafkaAdmin kafkaAdmin(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> settings = kafka.buildAdminProperties(sslBundles.getIfAvailable());
        KafkaProperties.Admin admin = kafka.getAdmin();
        Duration operationTimeout =
                admin.getOperationTimeout() != null ? admin.getOperationTimeout() : Duration.ofSeconds(30);
        // KafkaAdmin closes its clients without a timeout, which waits for their calls' own timeouts (a minute by
        // default): bound them by the operation timeout.
        settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) operationTimeout.toMillis());
        settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) operationTimeout.toMillis());
        KafkaAdmin kafkaAdmin = new KafkaAdmin(settings);
        kafkaAdmin.setOperationTimeout((int) Math.max(1, operationTimeout.toSeconds()));
        if (admin.getCloseTimeout() != null) {
            kafkaAdmin.setCloseTimeout((int) Math.max(1, admin.getCloseTimeout().toSeconds()));
        }
        kafkaAdmin.setFatalIfBrokerNotAvailable(admin.isFailFast());
        kafkaAdmin.setModifyTopicConfigs(admin.isModifyTopicConfigs());
        kafkaAdmin.setAutoCreate(admin.isAutoCreate());
        return kafkaAdmin;
    }

    /**
     * {@code spring.kafka.producer.*} settings, except what the no-loss guarantee rests on: every in-sync replica
     * acknowledges a record, and the idempotent producer neither duplicates nor reorders on its own retries.
     */
    @Bean
    public ProducerFactory<String, byte[]> budgetEventsProducerFactory(
            KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, PublicationProperties publication) {
        Map<String, Object> settings = kafka.buildProducerProperties(sslBundles.getIfAvailable());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The producer gives up on a record when the batch that sent it does (an unreachable broker blocks send()
        // for up to max.block.ms), so no record of a failed batch is left behind in it. Left behind, such a record
        // can hold its partition: kafka-clients 3.9 splits and resends a batch over the topic's max.message.bytes
        // forever (KAFKA-8350, pinned down by ProducerSplitLoopTest) and, once the broker takes it, no later send to
        // that partition was acknowledged until the producer's own delivery timeout (two minutes by default).
        int sendTimeoutMs = (int) publication.sendTimeout().toMillis();
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) sendTimeoutMs);
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs);
        // delivery.timeout.ms may not be shorter than linger.ms + request.timeout.ms.
        long deliveryMs = millis(settings, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        long lingerMs = millis(settings, ProducerConfig.LINGER_MS_CONFIG);
        settings.putIfAbsent(
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, Math.min(30_000, deliveryMs - lingerMs)));
        return new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** A producer setting in milliseconds, as set (a number or its text) or else kafka-clients' default. */
    private static long millis(Map<String, Object> settings, String name) {
        Object value = settings.getOrDefault(
                name, ProducerConfig.configDef().defaultValues().get(name));
        return Long.parseLong(String.valueOf(value));
    }

    @Bean
    public KafkaTemplate<String, byte[]> budgetEventsKafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** {@code kafka} in /actuator/health: whether the brokers answer (not part of readiness, see the class). */
    @Bean("kafka")
    public KafkaBrokerHealth kafkaHealth(KafkaAdmin kafkaAdmin) {
        return new KafkaBrokerHealth(kafkaAdmin.getConfigurationProperties(), Clock.systemUTC());
    }

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafkaTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            TamperEvidence tamperEvidence,
            RecentlyReadRows recentlyReadRows,
            KafkaAdmin kafkaAdmin,
            NewTopic budgetEventsTopic,
            PublicationProperties publication,
            TraceContexts traces,
            MeterRegistry meters) {
        StoredRows storedRows = new StoredRows() {
            @Override
            public Optional<ChainedEvent> byId(String eventIdentifier) {
                return tamperEvidence.storedEvent(eventIdentifier);
            }

            @Override
            public List<ChainedEvent> from(long globalIndex, int limit) {
                return tamperEvidence.storedEventsFrom(globalIndex, limit);
            }

            @Override
            public Optional<ChainedEvent> keptFromTheStream(String eventIdentifier) {
                return recentlyReadRows.take(eventIdentifier);
            }
        };
        return new KafkaEventPublisher(
                kafkaTemplate,
                eventSerializer,
                storedRows,
                new TopicCheck(kafkaAdmin, budgetEventsTopic),
                publication.topic(),
                publication.sendTimeout(),
                new TracedPublication(traces, meters, publication.topic()));
    }

    /** The event store as the processor reads it: woken by each local commit rather than every 500 ms. */
    @Bean(destroyMethod = "close")
    public PromptEventSource promptEventSource(EventStore eventStore) {
        return new PromptEventSource(eventStore);
    }

    /**
     * The processor reads the event store from its first event. One budget's events share a segment (sequential
     * per aggregate), so they are sent in order by one thread. With several instances, each segment is claimed by
     * one of them at a time; a crashed instance's segments are taken over once their claims time out. A handler error is not merely logged (Axon's
     * default for handlers): it rolls the batch back, and the processor retries it with back-off.
     */
    @Bean
    public ConfigurerModule kafkaPublicationProcessor(
            PublicationProperties publication, ObjectProvider<PromptEventSource> promptEventSource) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        KafkaEventPublisher.PROCESSING_GROUP,
                        config -> promptEventSource.getObject(),
                        (config, builder) -> builder.batchSize(publication.batchSize())
                                .initialSegmentCount(publication.segments())
                                .tokenClaimInterval(publication.claimInterval().toMillis()))
                .registerSequencingPolicy(
                        KafkaEventPublisher.PROCESSING_GROUP, config -> SequentialPerAggregatePolicy.instance())
                .registerListenerInvocationErrorHandler(
                        KafkaEventPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
