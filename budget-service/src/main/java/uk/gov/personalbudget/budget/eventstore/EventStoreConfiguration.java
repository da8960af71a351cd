package uk.gov.personalbudget.budget.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import uk.gov.personalbudget.budget.integrity.ChainReadingStorageEngine;
import uk.gov.personalbudget.budget.integrity.HashChainingAppend;
import uk.gov.personalbudget.budget.integrity.RecentlyReadRows;

/**
 * Axon's JDBC event store, token store and the PersonalBudget aggregate's snapshot and cache settings.
 * <p>
 * The tables are created by Flyway ({@code db/migration/{vendor}}); these schemas only name them. The storage engine
 * is Axon's JDBC engine as Axon's own {@code JdbcAutoConfiguration} builds it, except that it stores each event with
 * its hash chain ({@link HashChainingAppend}) and keeps the rows its stream reads for publication
 * ({@link ChainReadingStorageEngine}); that auto-configuration builds the token store.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** Bean name the aggregate's {@code @Aggregate(snapshotTriggerDefinition = ...)} refers to. */
    public static final String SNAPSHOT_TRIGGER = "personalBudgetSnapshotTrigger";
    /** Bean name the aggregate's {@code @Aggregate(cache = ...)} refers to. */
    public static final String CACHE = "personalBudgetCache";

    @Bean
    public EventSchema eventSchema() {
        return budgetEventSchema();
    }

    /** The event store's tables and columns, as the Flyway migrations (db/migration) create them. */
    public static EventSchema budgetEventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .trackedEventFields(ChainReadingStorageEngine::trackedEventFields)
                .build();
    }

    /** Stores each event with its type's revision (docs/events.md, "Revisions and changes"). */
    @Bean
    public RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    @Bean
    public RecentlyReadRows recentlyReadRows() {
        return new RecentlyReadRows(RecentlyReadRows.DEFAULT_CAPACITY);
    }

    /**
     * The same settings as {@code JdbcAutoConfiguration.eventStorageEngine}, plus the hash-chaining insert, reads of the
     * event stream that keep each row with its hashes for publication, a token's gaps bound as one array, and reads
     * outside a transaction that start none ({@link ReadsWithoutTransaction}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            RecentlyReadRows recentlyReadRows) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(new ReadsWithoutTransaction(transactionManager))
                .schema(eventSchema)
                .appendEvents(new HashChainingAppend())
                .readEventDataWithGaps(new GapsAsOneArray());
        return new ChainReadingStorageEngine(builder, recentlyReadRows);
    }

    /**
     * Axon's embedded event store as its {@code AxonAutoConfiguration} builds it, but keeping only the latest
     * {@code budget.event-store.cached-events} events (Axon's default is 10,000) for the streams that tail it. Its one
     * tailing stream is publication's, which reads each event within milliseconds of its commit and, should it fall
     * further behind than the cache, reads from the store until it has caught up. A larger cache costs the collector:
     * at 1,300 commands a second 10,000 events outlive two young collections, so each was promoted and later reclaimed
     * by a full collection (docs/benchmarks.md, section 1a).
     */
    @Bean
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            @Value("${budget.event-store.cached-events:100}") int cachedEvents) {
        Assert.isTrue(cachedEvents > 0, "budget.event-store.cached-events must be at least 1, was " + cachedEvents);
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }

    /** Tokens live beside the events so a processor's progress commits with its own database work. */
    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** {@code budget.snapshot.enabled=false} is Axon's default (no snapshots), for benchmarks against it. */
    @Bean(SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition personalBudgetSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${budget.snapshot.enabled:true}") boolean enabled,
            @Value("${budget.snapshot.threshold:50}") int threshold) {
        if (!enabled) {
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        Assert.isTrue(threshold > 0, "budget.snapshot.threshold must be at least 1, was " + threshold);
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Decides commands on cached budgets without asking the store first, and a refusal on a stale copy once more
     * ({@link CachedBudgetFreshness}: other instances may have changed a budget).
     */
    @Bean
    public CachedBudgetFreshness cachedBudgetFreshness(EventStorageEngine eventStorageEngine, MeterRegistry meters) {
        return new CachedBudgetFreshness(eventStorageEngine, meters);
    }

    /**
     * The budgets most recently used, up to {@code budget.aggregate-cache.size} (docs/benchmarks.md measured the weak
     * reference cache this replaced), kept from deciding a command otherwise than the stored budget would
     * ({@link CachedBudgetFreshness}). {@code budget.aggregate-cache.enabled=false} is Axon's default: every command
     * loads its budget from the store.
     */
    @Bean(CACHE)
    public Cache personalBudgetCache(
            @Value("${budget.aggregate-cache.enabled:true}") boolean enabled,
            @Value("${budget.aggregate-cache.size:10000}") long size,
            CachedBudgetFreshness freshness) {
        Assert.isTrue(size > 0, "budget.aggregate-cache.size must be at least 1, was " + size);
        return enabled ? new BoundedAggregateCache(size, freshness) : NoCache.INSTANCE;
    }
}
