package uk.gov.personalbudget.approval.replay;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.personalbudget.approval.intake.IntakeSwitch;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.replay.ReplayRun.Phase;
import uk.gov.personalbudget.contracts.value.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Rebuilds every projection from the start of the topic into a new generation while readers keep reading the
 * current one, however many instances share the consumer group. The run lives in the {@code replay_run} table
 * ({@link ReplayRuns}), and every instance takes part through {@link #coordinate()}, which {@link ReplayPolling}
 * calls every poll interval:
 * <ol>
 * <li>a run PAUSING: the instance stops its listener container, so its consumer leaves the group; once the group
 * has no members, whichever instance sees it first moves the group's offsets back to the start, opens a new
 * generation and records the topic's end offsets (REBUILDING), all under the run's row lock;</li>
 * <li>REBUILDING: every instance consumes again, into that generation ({@link Generations#writeGeneration()} reads it
 * from the database); whichever instance sees the group's committed offsets reach the end offsets promotes it, once
 * (DONE: the update is guarded by the phase it leaves), and every instance then writes into the new current
 * generation.</li>
 * </ol>
 * An instance that crashes mid-replay leaves nothing behind but the row, which the others carry on; a run that
 * cannot pause intake within the pause timeout (an instance still consuming) FAILS, with nothing changed.
 */
@Service
public class ReplayService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final Generations generations;
    private final ReplayRuns runs;
    private final IntakeSwitch intake;
    private final ConsumerGroup group;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String topic;
    private final Duration pollInterval;
    private final Duration pauseTimeout;

    /** The run this instance stopped its container for, to start it again once the run is past PAUSING. */
    private volatile UUID pausedFor;

    private Instant lastLogged = Instant.EPOCH;

    public ReplayService(
            Generations generations,
            ReplayRuns runs,
            IntakeSwitch intake,
            KafkaAdmin kafkaAdmin,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${approval.kafka.topic}") String topic,
            @Value("${spring.kafka.consumer.group-id}") String groupId,
            @Value("${approval.replay.poll-interval:500ms}") Duration pollInterval,
            @Value("${approval.replay.pause-timeout:60s}") Duration pauseTimeout) {
        this.generations = generations;
        this.runs = runs;
        this.intake = intake;
        this.group = new ConsumerGroup(kafkaAdmin.getConfigurationProperties(), topic, groupId, ADMIN_TIMEOUT);
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.topic = topic;
        this.pollInterval = pollInterval;
        this.pauseTimeout = pauseTimeout;
    }

    /** The replay running now, on whichever instance it was started. */
    public Optional<Replay> inProgress() {
        return runs.active().map(run -> run.view(clock.instant()));
    }

    public Optional<Replay> find(UUID id) {
        return runs.find(id).map(run -> run.view(clock.instant()));
    }

    /** Whether this instance's listener container is stopped because a replay is pausing intake. */
    public boolean intakePausedForReplay() {
        return pausedFor != null;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Starts a replay and returns once intake is paused on every instance and the rebuild has begun; only one
     * runs at a time, across all instances.
     *
     * @throws ReplayAlreadyRunning naming the active run, if there is one
     * @throws ReplayNotStarted     if intake could not be paused in time or Kafka refused to move the offsets
     */
    public Replay start(Actor requestedBy) {
        UUID id = UUID.randomUUID();
        claim(id, requestedBy.id());
        log.info("replay {} requested by {}: pausing intake on every instance", id, requestedBy.id());
        while (true) {
            coordinate();
            ReplayRun run = runs.find(id).orElseThrow();
            switch (run.phase()) {
                case PAUSING -> awaitNextPoll();
                case FAILED -> throw new ReplayNotStarted(run.failure(), null);
                default -> {
                    return run.view(clock.instant());
                }
            }
        }
    }

    private void claim(UUID id, String requestedBy) {
        try {
            runs.insertPausing(id, requestedBy, clock.instant());
        } catch (DuplicateKeyException taken) {
            // The active run may have finished since; then this one may start.
            UUID running = runs.active().map(ReplayRun::id).orElse(null);
            if (running != null) {
                throw new ReplayAlreadyRunning(running);
            }
            runs.insertPausing(id, requestedBy, clock.instant());
        }
    }

    private void awaitNextPoll() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ReplayNotStarted("interrupted while pausing intake; the replay goes on", interrupted);
        }
    }

    /**
     * This instance's part in the active run, if any: its intake paused or running as the run's phase says, and
     * the run advanced as far as it can be now.
     */
    synchronized void coordinate() {
        Optional<ReplayRun> active = runs.active();
        if (active.isEmpty() || active.get().phase() != Phase.PAUSING) {
            resumeIntake();
        }
        if (active.isEmpty()) {
            return;
        }
        ReplayRun run = active.get();
        if (run.phase() == Phase.PAUSING) {
            pauseIntake(run);
            if (rebuildOncePaused(run)) {
                resumeIntake();
                runs.find(run.id()).ifPresent(this::followRebuild);
            }
        } else {
            followRebuild(run);
        }
    }

    /**
     * A rebuild a version without {@code replay_run} left behind (a pending generation and no run) goes on from
     * the offsets the group had committed.
     */
    void resumeLeftoverRebuild() {
        Optional<Integer> pending = generations.pendingGeneration();
        if (pending.isEmpty() || runs.active().isPresent()) {
            return;
        }
        try {
            UUID id = UUID.randomUUID();
            runs.insertRebuilding(
                    id,
                    "resumed after restart",
                    pending.get(),
                    group.offsets(OffsetSpec.earliest()),
                    group.offsets(OffsetSpec.latest()),
                    clock.instant());
            log.info("replay {} resumed into generation {} after a restart", id, pending.get());
        } catch (DuplicateKeyException another) {
            log.debug("another instance resumed the rebuild of generation {}", pending.get());
        } catch (ExecutionException | TimeoutException failure) {
            log.error(
                    "could not resume the interrupted replay into generation {}; it goes on when Kafka answers",
                    pending.get(),
                    failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void pauseIntake(ReplayRun run) {
        if (intake.isRunning()) {
            log.info("replay {}: intake paused on this instance", run.id());
            intake.stop();
            pausedFor = run.id();
        }
    }

    private void resumeIntake() {
        if (pausedFor == null) {
            return;
        }
        intake.start();
        log.info("replay {}: intake resumed on this instance", pausedFor);
        pausedFor = null;
    }

    /** PAUSING to REBUILDING once the group is empty, or FAILED; true if this call moved it to REBUILDING. */
    private boolean rebuildOncePaused(ReplayRun run) {
        try {
            List<String> members = group.members();
            if (!members.isEmpty()) {
                if (clock.instant().isAfter(run.requestedAt().plus(pauseTimeout))) {
                    fail(
                            run,
                            "intake was not paused on every instance within " + pauseTimeout + ": consumer group "
                                    + group.id() + " still has members " + members);
                } else {
                    log.debug("replay {}: waiting for {} to stop consuming", run.id(), members);
                }
                return false;
            }
            Map<Integer, Long> begin = group.offsets(OffsetSpec.earliest());
            Map<Integer, Long> end = group.offsets(OffsetSpec.latest());
            // Offsets first: should a later step fail, re-reading into the current generation is harmless, as the
            // projections skip what they already hold.
            if (!group.moveTo(begin)) {
                return false;
            }
            Boolean moved = transactions.execute(status -> {
                if (runs.lock(run.id())
                        .map(locked -> locked.phase() != Phase.PAUSING)
                        .orElse(true)) {
                    return false;
                }
                return runs.rebuilding(run.id(), generations.startGeneration(), begin, end);
            });
            if (Boolean.TRUE.equals(moved)) {
                ReplayRun rebuilding = runs.find(run.id()).orElseThrow();
                log.info(
                        "replay {}: intake paused on every instance; rebuilding generation {} from {} events on {}",
                        run.id(),
                        rebuilding.generation(),
                        rebuilding.total(),
                        topic);
            }
            return Boolean.TRUE.equals(moved);
        } catch (ExecutionException | TimeoutException failure) {
            fail(run, "Kafka refused to move the consumer group back to the start: " + failure.getMessage());
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fail(ReplayRun run, String reason) {
        if (runs.failed(run.id(), reason, clock.instant())) {
            log.error("replay {} not started, nothing changed: {}", run.id(), reason);
        }
    }

    /** Records the rebuild's progress, and promotes its generation once the group has consumed up to the end. */
    private void followRebuild(ReplayRun run) {
        if (run.phase() != Phase.REBUILDING) {
            return;
        }
        long processed;
        try {
            processed = run.processedBy(group.committed());
        } catch (ExecutionException | TimeoutException failure) {
            log.warn(
                    "replay {}: the consumer group's offsets not read, trying again: {}",
                    run.id(),
                    failure.getMessage());
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        if (processed < run.total()) {
            if (processed != run.processed()) {
                runs.progress(run.id(), processed);
            }
            logProgress(run, processed);
            return;
        }
        Instant now = clock.instant();
        Boolean promoted = transactions.execute(status -> {
            if (!runs.done(run.id(), processed, now)) {
                return false;
            }
            generations.promote(run.generation());
            return true;
        });
        if (Boolean.TRUE.equals(promoted)) {
            log.info(
                    "replay {} complete: {} events in {} s; generation {} is now current",
                    run.id(),
                    processed,
                    Duration.between(run.requestedAt(), now).toSeconds(),
                    run.generation());
        }
    }

    private void logProgress(ReplayRun run, long processed) {
        Instant now = clock.instant();
        if (Duration.between(lastLogged, now).compareTo(LOG_EVERY) < 0) {
            return;
        }
        lastLogged = now;
        Replay replay = new ReplayRun(
                        run.id(),
                        run.requestedBy(),
                        run.phase(),
                        run.generation(),
                        run.begin(),
                        run.end(),
                        processed,
                        run.total(),
                        run.requestedAt(),
                        null,
                        null)
                .view(now);
        log.info(
                "replay {}: {} of {} events ({}%), {} events/s, about {} s to go",
                replay.id(),
                replay.eventsProcessed(),
                replay.eventsTotal(),
                replay.percent(),
                replay.eventsPerSecond(),
                replay.etaSeconds());
    }

    @Override
    public void destroy() {
        group.close();
    }
}
