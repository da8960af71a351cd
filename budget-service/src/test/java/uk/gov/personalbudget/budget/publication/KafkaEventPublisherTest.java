package uk.gov.personalbudget.budget.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import uk.gov.personalbudget.budget.integrity.ChainedEvent;
import uk.gov.personalbudget.budget.integrity.StoredEvent;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The publisher inside a batch's unit of work, the way the pooled streaming processor runs it: the processor's
 * token is stored in a prepare-commit hook registered before the batch is handled, inside a transaction that
 * commits in the commit phase. Here that transaction is a pair of counters; MockProducer plays Kafka, acknowledging
 * or failing each record when the test says.
 */
class KafkaEventPublisherTest {

    private static final String TOPIC = "personal-budget-events";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(json).build();
    private final MockProducer<String, byte[]> kafka =
            new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
    private final AtomicInteger topicChecks = new AtomicInteger();
    private final ExecutorService processorThread = Executors.newSingleThreadExecutor();

    private final AtomicInteger tokenStores = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    @AfterEach
    void stopProcessorThread() {
        processorThread.shutdownNow();
    }

    @Test
    void aBatchCommitsOnlyOnceKafkaHasAcknowledgedEveryRecord() {
        var batch = processInBackground(publisher(SEND_TIMEOUT), events("b-1", 3));
        await().until(() -> kafka.history().size() == 3);

        kafka.completeNext();
        kafka.completeNext();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !batch.isDone());
        assertThat(commits).hasValue(0);

        kafka.completeNext();
        assertThat(batch.join().isExceptional()).isFalse();
        assertThat(tokenStores).hasValue(1);
        assertThat(commits).hasValue(1);
        assertThat(rollbacks).hasValue(0);
        assertThat(topicChecks).as("once, before the batch's first send").hasValue(1);
    }

    @Test
    void aRecordKafkaRefusesRollsTheBatchAndItsTokenBack() {
        var batch = processInBackground(publisher(SEND_TIMEOUT), events("b-1", 3));
        await().until(() -> kafka.history().size() == 3);

        kafka.completeNext();
        kafka.errorNext(new NotEnoughReplicasException("only 1 of 3 replicas in sync"));

        ResultMessage<?> result = batch.join();
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult())
                .isInstanceOf(PendingSends.PublicationFailed.class)
                .hasRootCauseInstanceOf(NotEnoughReplicasException.class);
        assertThat(tokenStores)
                .as("the token was written in the transaction...")
                .hasValue(1);
        assertThat(commits).as("...which never committed").hasValue(0);
        assertThat(rollbacks).hasValue(1);
    }

    @Test
    void aBatchKafkaDoesNotAcknowledgeInTimeIsRolledBack() {
        var batch = processInBackground(publisher(Duration.ofMillis(200)), events("b-1", 2));
        await().until(() -> kafka.history().size() == 2);
        kafka.completeNext();

        ResultMessage<?> result = batch.join();
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("did not acknowledge all 2 records");
        assertThat(commits).hasValue(0);
        assertThat(rollbacks).hasValue(1);
    }

    @Test
    void aBatchSendsNothingAndIsRolledBackWhenKafkaCannotBeReached() {
        var publisher = new KafkaEventPublisher(
                new KafkaTemplate<>(new MockProducerFactory<>(() -> kafka)),
                serializer,
                KafkaEventPublisherTest::storedOf,
                () -> {
                    throw new KafkaException("Timed out waiting to get existing topics");
                },
                TOPIC,
                SEND_TIMEOUT,
                PublicationObserver.NONE);

        ResultMessage<?> result =
                processInBackground(publisher, events("b-1", 3)).join();

        assertThat(result.isExceptional()).isTrue();
        assertThat(kafka.history()).isEmpty();
        assertThat(commits).hasValue(0);
        assertThat(rollbacks).hasValue(1);
    }

    @Test
    void onceOneSendHasFailedTheBatchStopsSendingAndStopsWaiting() {
        var pending = new PendingSends();
        var acknowledged = new CompletableFuture<>();
        var neverAnswered = new CompletableFuture<>();
        var refused = new CompletableFuture<>();
        pending.add(acknowledged);
        pending.add(neverAnswered);
        pending.add(refused);
        acknowledged.complete("ok");
        pending.throwIfAnyFailed();

        refused.completeExceptionally(new NotEnoughReplicasException("only 1 of 3 replicas in sync"));

        assertThatThrownBy(pending::throwIfAnyFailed).isInstanceOf(PendingSends.PublicationFailed.class);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> pending.awaitAll(Duration.ofHours(1)))
                        .isInstanceOf(PendingSends.PublicationFailed.class)
                        .hasRootCauseInstanceOf(NotEnoughReplicasException.class));
    }

    @Test
    void eachEventBecomesOneRecordKeyedByItsBudgetWithItsStoredJsonAndHeaders() throws Exception {
        String traceParent = TraceParent.random().value();
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(
                "PersonalBudget",
                "b-7",
                4,
                opened("b-7"),
                MetaData.with(TraceParent.METADATA_KEY, traceParent).and("correlationId", "c-1"));

        ProducerRecord<String, byte[]> record = EventRecords.of(TOPIC, event, serializer, "ab".repeat(32));

        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(record.key()).isEqualTo("b-7");
        assertThat(json.readTree(record.value())).isEqualTo(json.valueToTree(opened("b-7")));
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("BudgetOpened");
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo(BudgetEventTypes.FIRST_REVISION);
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(event.getIdentifier());
        assertThat(header(record, EventHeaders.AGGREGATE_ID)).isEqualTo("b-7");
        assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("4");
        assertThat(Instant.parse(header(record, EventHeaders.EVENT_TIMESTAMP))).isEqualTo(event.getTimestamp());
        assertThat(header(record, EventHeaders.TRACEPARENT)).isEqualTo(traceParent);
        assertThat(header(record, EventHeaders.EVENT_HASH)).isEqualTo("ab".repeat(32));
        assertThat(record.headers().toArray()).hasSize(8);
    }

    @Test
    void anEventWithoutTraceContextHasNoTraceparentHeader() {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("PersonalBudget", "b-7", 0, opened("b-7"));

        ProducerRecord<String, byte[]> record = EventRecords.of(TOPIC, event, serializer, "ab".repeat(32));

        assertThat(record.headers().lastHeader(EventHeaders.TRACEPARENT)).isNull();
        assertThat(record.headers().toArray()).hasSize(7);
    }

    @Test
    void anEventStoredBeforeTheHashChainBeganHasNoHashHeader() {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("PersonalBudget", "b-7", 0, opened("b-7"));

        ProducerRecord<String, byte[]> record = EventRecords.of(TOPIC, event, serializer, null);

        assertThat(record.headers().lastHeader(EventHeaders.EVENT_HASH)).isNull();
        assertThat(record.headers().toArray()).hasSize(6);
    }

    @Test
    void aStoredEventsRecordCarriesItsStoredBytesAndEveryInputOfItsHash() {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("PersonalBudget", "b-7", 4, opened("b-7"));
        byte[] payload = "{\"stored\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] metaData = "{\"traceparent\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        var stored = storedRow(event, payload, metaData);

        ProducerRecord<String, byte[]> record = EventRecords.of(TOPIC, event, stored);

        assertThat(record.value()).isEqualTo(payload);
        assertThat(header(record, EventHeaders.EVENT_HASH)).isEqualTo("ab".repeat(32));
        assertThat(header(record, EventHeaders.EVENT_PREVIOUS_HASH)).isEqualTo("cd".repeat(32));
        assertThat(header(record, EventHeaders.STORED_AGGREGATE_TYPE)).isEqualTo("PersonalBudget");
        assertThat(header(record, EventHeaders.STORED_TIMESTAMP)).isEqualTo("2026-11-22T10:15:30.100Z");
        assertThat(header(record, EventHeaders.STORED_PAYLOAD_TYPE)).isEqualTo(BudgetOpened.class.getName());
        assertThat(record.headers().lastHeader(EventHeaders.STORED_PAYLOAD_REVISION))
                .isNull();
        assertThat(java.util.Base64.getDecoder().decode(header(record, EventHeaders.STORED_METADATA)))
                .isEqualTo(metaData);
        assertThat(header(record, EventHeaders.TRACEPARENT))
                .as("from the stored meta-data")
                .isEqualTo("x");
    }

    @Test
    void aStoredEventsTraceparentIsFoundAmongItsStoredMetaDatasFields() {
        assertThat(EventRecords.storedTraceParent(
                        "{\"correlationId\":{\"nested\":[\"traceparent\"]},\"traceparent\":\"00-a-b-01\"}"
                                .getBytes(StandardCharsets.UTF_8)))
                .contains("00-a-b-01");
        assertThat(EventRecords.storedTraceParent("{\"correlationId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EventRecords.storedTraceParent("[\"traceparent\"]".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EventRecords.storedTraceParent("not json".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EventRecords.storedTraceParent(null)).isEmpty();
    }

    @Test
    void aStoredEventWhoseMetaDataCannotBeReadTakesItsTraceparentFromTheEvent() {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(
                "PersonalBudget", "b-7", 4, opened("b-7"), MetaData.with(TraceParent.METADATA_KEY, "from-the-event"));
        var stored =
                storedRow(event, "{}".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, byte[]> record = EventRecords.of(TOPIC, event, stored);

        assertThat(header(record, EventHeaders.TRACEPARENT)).isEqualTo("from-the-event");
    }

    @Test
    void aLegacyEventsRecordHasNoHashesButItsInputs() {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("PersonalBudget", "b-7", 0, opened("b-7"));
        var stored = new ChainedEvent(
                1,
                new StoredEvent(
                        "b-7",
                        0,
                        event.getIdentifier(),
                        "PersonalBudget",
                        "2026-11-22T10:15:30.100Z",
                        BudgetOpened.class.getName(),
                        null,
                        "{}".getBytes(StandardCharsets.UTF_8),
                        null),
                null,
                null);

        ProducerRecord<String, byte[]> record = EventRecords.of(TOPIC, event, stored);

        assertThat(record.headers().lastHeader(EventHeaders.EVENT_HASH)).isNull();
        assertThat(record.headers().lastHeader(EventHeaders.EVENT_PREVIOUS_HASH))
                .isNull();
        assertThat(record.headers().lastHeader(EventHeaders.STORED_METADATA)).isNull();
        assertThat(header(record, EventHeaders.STORED_PAYLOAD_TYPE)).isEqualTo(BudgetOpened.class.getName());
    }

    @Test
    void eachRecordCarriesItsEventsStoredHash() {
        var batch = processInBackground(publisher(SEND_TIMEOUT), events("b-1", 2));

        acknowledgeAllAndExpectStoredHashes(batch, 2);
    }

    @Test
    void theRowsOfABatchsEventsAreReadInOneStatement() {
        List<DomainEventMessage<?>> tracked = tracked(events("b-1", 3), index -> 40L + index);
        var rows = new CountedRows(tracked, false);

        acknowledgeAllAndExpectStoredHashes(processInBackground(publisher(rows), tracked), 3);
        assertThat(rows.readsAhead).hasValue(1);
        assertThat(rows.aheadFrom).hasValue(40L);
        assertThat(rows.aheadLimit).hasValue(KafkaEventPublisher.READ_AHEAD_ROWS);
        assertThat(rows.readsAlone).hasValue(0);
    }

    @Test
    void rowsTheEventStoresReadOfTheStreamKeptAreNotReadAgain() {
        // The token of an event that filled a gap carries the token's highest index, not the event's own.
        List<DomainEventMessage<?>> tracked = tracked(events("b-1", 3), index -> 90L);
        var rows = new CountedRows(List.of(), true);

        acknowledgeAllAndExpectStoredHashes(processInBackground(publisher(rows), tracked), 3);
        assertThat(rows.readsAlone.get() + rows.readsAhead.get()).isZero();
    }

    /**
     * Rows as {@link #storedOf} stores them, counting reads by id and reads ahead (with the last one's start and
     * limit); reading ahead answers {@code ahead}'s rows, and the stream's read kept every row if {@code keptAll}.
     */
    private static final class CountedRows implements StoredRows {
        private final List<DomainEventMessage<?>> ahead;
        private final boolean keptAll;
        final AtomicInteger readsAlone = new AtomicInteger();
        final AtomicInteger readsAhead = new AtomicInteger();
        final AtomicLong aheadFrom = new AtomicLong(-1);
        final AtomicInteger aheadLimit = new AtomicInteger(-1);

        CountedRows(List<DomainEventMessage<?>> ahead, boolean keptAll) {
            this.ahead = ahead;
            this.keptAll = keptAll;
        }

        @Override
        public Optional<ChainedEvent> byId(String eventId) {
            readsAlone.incrementAndGet();
            return storedOf(eventId);
        }

        @Override
        public List<ChainedEvent> from(long globalIndex, int limit) {
            readsAhead.incrementAndGet();
            aheadFrom.set(globalIndex);
            aheadLimit.set(limit);
            return ahead.stream()
                    .map(event -> storedOf(event.getIdentifier()).orElseThrow())
                    .toList();
        }

        @Override
        public Optional<ChainedEvent> keptFromTheStream(String eventId) {
            return keptAll ? storedOf(eventId) : Optional.empty();
        }
    }

    private KafkaEventPublisher publisher(Duration sendTimeout) {
        return publisher(KafkaEventPublisherTest::storedOf, sendTimeout);
    }

    private KafkaEventPublisher publisher(StoredRows storedRows) {
        return publisher(storedRows, SEND_TIMEOUT);
    }

    private KafkaEventPublisher publisher(StoredRows storedRows, Duration sendTimeout) {
        return new KafkaEventPublisher(
                new KafkaTemplate<>(new MockProducerFactory<>(() -> kafka)),
                serializer,
                storedRows,
                topicChecks::incrementAndGet,
                TOPIC,
                sendTimeout,
                PublicationObserver.NONE);
    }

    /** What WorkPackage does with a batch: token hook first, then the handler for each event, then commit. */
    private CompletableFuture<ResultMessage<?>> processInBackground(
            KafkaEventPublisher publisher, List<DomainEventMessage<?>> events) {
        return CompletableFuture.supplyAsync(
                () -> {
                    var unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
                    unitOfWork.onPrepareCommit(u -> tokenStores.incrementAndGet());
                    unitOfWork.onCommit(u -> commits.incrementAndGet());
                    unitOfWork.onRollback(u -> rollbacks.incrementAndGet());
                    return unitOfWork.executeWithResult(
                            () -> {
                                publisher.publish(unitOfWork.getMessage());
                                return null;
                            },
                            RollbackConfigurationType.ANY_THROWABLE);
                },
                processorThread);
    }

    /** Lets Kafka acknowledge each of the batch's records, and expects the batch to succeed with their hashes. */
    private void acknowledgeAllAndExpectStoredHashes(CompletableFuture<ResultMessage<?>> batch, int records) {
        await().until(() -> kafka.history().size() == records);
        for (int record = 0; record < records; record++) {
            kafka.completeNext();
        }

        assertThat(batch.join().isExceptional()).isFalse();
        assertThat(kafka.history())
                .allSatisfy(record -> assertThat(header(record, EventHeaders.EVENT_HASH))
                        .isEqualTo(hashOf(header(record, EventHeaders.EVENT_ID)).orElseThrow()));
    }

    /** The events as the processor hands them over, each with a token at {@code position} of its place in the list. */
    private static List<DomainEventMessage<?>> tracked(List<DomainEventMessage<?>> events, IntFunction<Long> position) {
        return IntStream.range(0, events.size())
                .<DomainEventMessage<?>>mapToObj(index -> new GenericTrackedDomainEventMessage<>(
                        new GlobalSequenceTrackingToken(position.apply(index)), events.get(index)))
                .toList();
    }

    private static List<DomainEventMessage<?>> events(String budget, int count) {
        return IntStream.range(0, count)
                .<DomainEventMessage<?>>mapToObj(
                        sequence -> new GenericDomainEventMessage<>("PersonalBudget", budget, sequence, opened(budget)))
                .toList();
    }

    /** Event {@code event} as stored at sequence 4 of budget b-7, with a place in its hash chain. */
    private static ChainedEvent storedRow(DomainEventMessage<?> event, byte[] payload, byte[] metaData) {
        return new ChainedEvent(
                9,
                new StoredEvent(
                        "b-7",
                        4,
                        event.getIdentifier(),
                        "PersonalBudget",
                        "2026-11-22T10:15:30.100Z",
                        BudgetOpened.class.getName(),
                        null,
                        payload,
                        metaData),
                "cd".repeat(32),
                "ab".repeat(32));
    }

    /** Stands in for the event store's hash column. */
    private static Optional<ChainedEvent> storedOf(String eventId) {
        return Optional.of(new ChainedEvent(
                1,
                new StoredEvent(
                        "b-1",
                        0,
                        eventId,
                        "PersonalBudget",
                        "2026-11-22T10:15:30.000Z",
                        BudgetOpened.class.getName(),
                        null,
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8)),
                "0".repeat(64),
                hashOf(eventId).orElseThrow()));
    }

    private static Optional<String> hashOf(String eventId) {
        return Optional.of("hash-of-" + eventId);
    }

    private static BudgetOpened opened(String budget) {
        return new BudgetOpened(
                new BudgetId(budget),
                new Act("pr-ellis", Role.PRACTITIONER, null, Instant.parse("2026-11-22T10:15:30Z")),
                new ControlTransfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                new BudgetOpening(new PersonReference("P-1001"), "leeds", "pr-ellis"));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
