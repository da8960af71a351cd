package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.kafka.core.KafkaTemplate;
import uk.gov.personalbudget.budget.integrity.ChainedEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Publishes every stored event to Kafka, at least once and never lost. The event store is the outbox: this handler
 * runs in its own pooled streaming processor ({@value #PROCESSING_GROUP}), whose token lives in the same database.
 * Sends are asynchronous; the batch's unit of work, whose commit stores the token, first waits until Kafka has
 * acknowledged every record of the batch, and fails (so the batch is retried later) if one is not.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publication";

    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pendingSends";
    private static final String READ_AHEAD = KafkaEventPublisher.class.getName() + ".readAhead";
    /** Stored rows read at once for the events of a batch (the batch itself is usually smaller). */
    static final int READ_AHEAD_ROWS = 32;

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer eventSerializer;
    private final StoredRows storedRows;
    private final Runnable topicCheck;
    private final String topic;
    private final Duration sendTimeout;
    private final PublicationObserver observer;

    /**
     * @param storedRows each event's stored row, with its place in the hash chain (an event not stored is published
     *                   without a hash)
     * @param topicCheck makes sure the topic exists with its settings before the first record is sent (it throws
     *                   if Kafka cannot be reached, failing the batch)
     * @param observer   told of each send and its outcome (trace span, metrics)
     */
    public KafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            Serializer eventSerializer,
            StoredRows storedRows,
            Runnable topicCheck,
            String topic,
            Duration sendTimeout,
            PublicationObserver observer) {
        this.kafka = kafka;
        this.eventSerializer = eventSerializer;
        this.storedRows = storedRows;
        this.topicCheck = topicCheck;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
        this.observer = observer;
    }

    @EventHandler
    public void publish(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            // The JDBC event store returns every event as a domain event; anything else would have no budget key.
            throw new IllegalStateException("not a budget's event: " + event.getIdentifier());
        }
        PendingSends pending = pendingSendsOfThisBatch();
        pending.throwIfAnyFailed();
        if (pending.size() == 0) {
            topicCheck.run();
        }
        ProducerRecord<String, byte[]> record = stored(domainEvent)
                .map(stored -> EventRecords.of(topic, domainEvent, stored))
                .orElseGet(() -> EventRecords.of(topic, domainEvent, eventSerializer, null));
        var outcome = observer.sending(record, domainEvent);
        pending.add(kafka.send(record).whenComplete(outcome));
    }

    /**
     * The event's stored row: usually the row the event store's own read of the stream kept, so nothing is read again.
     * Otherwise the first event of a batch reads its own row and those stored after it, which the next events of the
     * batch then find; an event whose row was not among them (one not read by global index) is read alone.
     */
    private Optional<ChainedEvent> stored(DomainEventMessage<?> event) {
        Optional<ChainedEvent> kept = storedRows.keptFromTheStream(event.getIdentifier());
        if (kept.isPresent()) {
            return kept;
        }
        Map<String, ChainedEvent> readAhead =
                CurrentUnitOfWork.get().root().getOrComputeResource(READ_AHEAD, key -> new HashMap<>());
        ChainedEvent known = readAhead.remove(event.getIdentifier());
        if (known == null && event instanceof TrackedEventMessage<?> tracked) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                storedRows
                        .from(position.getAsLong(), READ_AHEAD_ROWS)
                        .forEach(row -> readAhead.put(row.event().eventIdentifier(), row));
                known = readAhead.remove(event.getIdentifier());
            }
        }
        return known != null ? Optional.of(known) : storedRows.byId(event.getIdentifier());
    }

    /**
     * The pending sends of the processor's current (batching) unit of work, created with the first event of the
     * batch together with the prepare-commit hook that waits for them. The processor stores its token in an
     * earlier prepare-commit hook, but in the same database transaction, which commits only after every
     * prepare-commit hook has returned: a failure here rolls the token back.
     */
    private PendingSends pendingSendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            PendingSends pending = new PendingSends();
            batch.onPrepareCommit(u -> pending.awaitAll(sendTimeout));
            return pending;
        });
    }
}
