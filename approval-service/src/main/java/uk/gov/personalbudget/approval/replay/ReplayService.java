package uk.gov.personalbudget.approval.replay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import uk.gov.personalbudget.approval.projection.store.ProjectionStore;
import uk.gov.personalbudget.contracts.value.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Rebuilds every projection from the start of the topic into a new generation while readers keep reading
 * the current one; when the rebuild has consumed everything that was on the topic when it began, the new
 * generation becomes current and the old one is deleted. The consumer group's offsets are moved back to the
 * start, so a crash mid-replay resumes it (the pending generation is kept) rather than losing events.
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final ProjectionStore store;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final Clock clock;
    private final String topic;
    private final String groupId;
    private final String listenerId;

    private final Map<UUID, Replay> finished = new ConcurrentHashMap<>();
    private volatile ReplayProgress running;
    private volatile int writeGeneration;
    private Instant lastLogged = Instant.EPOCH;

    public ReplayService(ProjectionStore store, KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
                         Clock clock, @Value("${approval.kafka.topic}") String topic,
                         @Value("${spring.kafka.consumer.group-id}") String groupId,
                         @Value("${approval.kafka.listener-id:budget-events}") String listenerId) {
        this.store = store;
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.clock = clock;
        this.topic = topic;
        this.groupId = groupId;
        this.listenerId = listenerId;
        this.writeGeneration = store.pendingGeneration().orElse(store.currentGeneration());
    }

    /** The generation the consumer writes into: the current one, or during a replay the one being built. */
    public int writeGeneration() {
        return writeGeneration;
    }

    /** Whether readers are being served a generation that a replay is about to replace. */
    public Optional<Replay> inProgress() {
        ReplayProgress progress = running;
        return progress == null ? Optional.empty() : Optional.of(progress.snapshot(clock.instant()));
    }

    public Optional<Replay> find(UUID id) {
        ReplayProgress progress = running;
        if (progress != null && progress.id().equals(id)) {
            return Optional.of(progress.snapshot(clock.instant()));
        }
        return Optional.ofNullable(finished.get(id));
    }

    /** Starts a replay; only one runs at a time. */
    public synchronized Replay start(Actor requestedBy) {
        if (running != null) {
            throw new ReplayAlreadyRunning(running.id());
        }
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        container.stop();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, Long> begin = offsets(admin, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, OffsetSpec.latest());
            // Offsets first: should that fail, nothing has changed; should a later step fail, re-reading into
            // the current generation is harmless, as the projections skip what they already hold.
            admin.alterConsumerGroupOffsets(groupId, begin.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue()))))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int generation = store.startGeneration();
            writeGeneration = generation;
            running = new ReplayProgress(UUID.randomUUID(), requestedBy.id(), generation, clock.instant(), begin, end);
            log.info("replay {} requested by {}: rebuilding generation {} from {} events on {}",
                    running.id(), requestedBy.id(), generation, running.total(), topic);
        } catch (ExecutionException | TimeoutException failure) {
            throw new ReplayNotStarted("Kafka refused to move the consumer group back to the start: "
                    + failure.getMessage() + " (a replay needs every other approval-service instance stopped)", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReplayNotStarted("interrupted while starting the replay", interrupted);
        } finally {
            container.start();
        }
        Replay started = running.snapshot(clock.instant());
        completeIfCaughtUp();
        return started;
    }

    /** Called by the consumer after each batch is stored. */
    public void consumed(List<ConsumerRecord<String, byte[]>> records) {
        ReplayProgress progress = running;
        if (progress == null) {
            return;
        }
        records.forEach(record -> progress.consumed(new TopicPartition(record.topic(), record.partition()), record.offset()));
        Instant now = clock.instant();
        if (Duration.between(lastLogged, now).compareTo(LOG_EVERY) >= 0) {
            lastLogged = now;
            Replay replay = progress.snapshot(now);
            log.info("replay {}: {} of {} events ({}%), {} events/s, about {} s to go", replay.id(),
                    replay.eventsProcessed(), replay.eventsTotal(), replay.percent(), replay.eventsPerSecond(),
                    replay.etaSeconds());
        }
        completeIfCaughtUp();
    }

    /** A replay a crash interrupted goes on from the offsets it had committed. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void resumeInterruptedReplay() {
        Optional<Integer> pending = store.pendingGeneration();
        if (pending.isEmpty() || running != null) {
            return;
        }
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, Long> begin = offsets(admin, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(admin, OffsetSpec.latest());
            ReplayProgress resumed = new ReplayProgress(UUID.randomUUID(), "resumed after restart", pending.get(),
                    clock.instant(), begin, end);
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, committed) -> {
                        if (committed != null && committed.offset() > 0) {
                            resumed.consumed(partition, committed.offset() - 1);
                        }
                    });
            running = resumed;
            log.info("replay {} resumed into generation {} after a restart", resumed.id(), pending.get());
        } catch (ExecutionException | TimeoutException failure) {
            log.error("could not resume the interrupted replay into generation {}; it goes on when Kafka answers",
                    pending.get(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        completeIfCaughtUp();
    }

    private synchronized void completeIfCaughtUp() {
        ReplayProgress progress = running;
        if (progress == null || !progress.caughtUp()) {
            return;
        }
        store.promote(progress.generation());
        Replay done = progress.completed(clock.instant());
        finished.put(done.id(), done);
        running = null;
        log.info("replay {} complete: {} events in {} s; generation {} is now current", done.id(),
                done.eventsProcessed(), Duration.between(done.startedAt(), done.finishedAt()).toSeconds(),
                progress.generation());
    }

    private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        return TopicOffsets.of(admin, topic, spec, Duration.ofSeconds(ADMIN_TIMEOUT_SECONDS));
    }
}
