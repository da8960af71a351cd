package uk.gov.personalbudget.budget.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a budget cached by this instance from deciding a command otherwise than the budget the event store holds.
 * Several instances share one event store: once another instance has stored an event of a budget, this instance's
 * cached copy is stale.
 * <p>
 * A command sent through {@link #decide} is decided on its cached budget as it is, without asking the store first:
 * <ul>
 *   <li>if a stale copy accepts it, the event store's unique (budget, sequence) refuses the append, since the copy's
 *       next sequence number is already stored ({@link ConcurrencyException}; Axon rolls back and drops the copy,
 *       and the caller runs the command once more on the budget as stored). This holds because every command the
 *       web layer sends stores an event when accepted: the only command accepted without one, a repeated
 *       {@code RecordErasure}, is sent by erasures, outside {@link #decide};</li>
 *   <li>if the copy refuses it (a rule, a version, any failure), the last sequence number stored for the budget is
 *       compared with the copy's version (one index-only query), and if the store is ahead, the command is decided
 *       once more on the budget brought up to date ({@value #RELOADS} counts these).</li>
 * </ul>
 * So a command is answered as if decided on the stored budget, and the check costs a statement only on a refusal,
 * not on every command. Any other use of a cached budget (outside {@link #decide}) is checked before it is handed
 * out, as is the copy a second decision uses: a copy behind the store catches up by applying only the events it
 * missed, as Axon applies a budget's events when it loads one; a copy that cannot (ahead of the store, or an event
 * that does not apply) is dropped, and Axon loads the budget from its snapshot and events instead.
 */
public final class CachedBudgetFreshness implements BoundedAggregateCache.EntryCheck {

    static final String RELOADS = "budget.aggregate.reloads";
    private static final Logger log = LoggerFactory.getLogger(CachedBudgetFreshness.class);

    private final EventStorageEngine events;
    private final Counter reloads;
    /** The decision in progress on this thread, if it is one through {@link #decide}. */
    private final ThreadLocal<Decision> decisions = new ThreadLocal<>();

    public CachedBudgetFreshness(EventStorageEngine events, MeterRegistry meters) {
        this.events = events;
        this.reloads = Counter.builder(RELOADS)
                .description("Cached budgets found older than the event store (another instance had changed them)"
                        + " and brought up to date from the store: before they were used, or after a command they"
                        + " refused was decided on them")
                .register(meters);
    }

    /**
     * Runs {@code dispatch}, the sending of one command to {@code budget}, letting it decide on the cached budget
     * unchecked; if the command is refused on a cached copy that the store has moved past, runs it once more, on the
     * budget as stored. A {@link ConcurrencyException} (a stale copy that accepted) reaches the caller unchanged.
     */
    public <T> T decide(String budget, Supplier<T> dispatch) {
        Decision outer = decisions.get();
        Decision decision = new Decision(budget);
        decisions.set(decision);
        try {
            try {
                return dispatch.get();
            } catch (ConcurrencyException lostRace) {
                throw lostRace;
            } catch (RuntimeException refused) {
                if (!decision.decidedOnStaleCopy(events)) {
                    throw refused;
                }
                reloads.increment();
                log.debug(
                        "budget {}: a command refused on a stale cached copy is decided on the stored budget", budget);
                decision.secondTime = true;
                return dispatch.get();
            }
        } finally {
            if (outer == null) {
                decisions.remove();
            } else {
                decisions.set(outer);
            }
        }
    }

    @Override
    public boolean makeCurrent(Object key, Object entry) {
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return true;
        }
        String budget = String.valueOf(key);
        EventSourcedAggregate<?> aggregate = aggregateOf(cached);
        Long version = aggregate.version();
        Decision decision = decisions.get();
        boolean decidingOnThisBudget = decision != null && decision.budget.equals(budget);
        if (decidingOnThisBudget && !decision.secondTime && version != null) {
            decision.cachedVersion = version;
            return true;
        }
        Optional<Long> stored = events.lastSequenceNumberFor(budget);
        if (version == null || stored.isEmpty() || stored.get() < version) {
            return false;
        }
        if (stored.get().equals(version)) {
            return true;
        }
        if (!(decidingOnThisBudget && decision.secondTime)) {
            // A second decision's copy was counted as stale when its first decision was refused.
            reloads.increment();
        }
        try {
            aggregate.initializeState(events.readEvents(budget, version + 1));
        } catch (RuntimeException failed) {
            log.warn(
                    "cached budget {} could not catch up from version {}; loading it from the store",
                    budget,
                    version,
                    failed);
            return false;
        }
        return stored.get().equals(aggregate.version());
    }

    /**
     * The cached aggregate itself. An in-memory entry holds it, and recreating hands it back as it is (nothing is
     * rebuilt, none of the arguments is used); {@code CachedBudgetFreshnessTest} pins that down.
     */
    private static EventSourcedAggregate<?> aggregateOf(AggregateCacheEntry<?> cached) {
        return cached.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE);
    }

    /** One command's decision through {@link #decide}: the version of the cached copy it was decided on, if any. */
    private static final class Decision {

        private final String budget;
        private Long cachedVersion;
        /** Set once the command is decided again: its cached copy, if any, is then checked first. */
        private boolean secondTime;

        Decision(String budget) {
            this.budget = budget;
        }

        /** Whether the command was decided on a cached copy older than the budget the store now holds. */
        boolean decidedOnStaleCopy(EventStorageEngine events) {
            return cachedVersion != null
                    && events.lastSequenceNumberFor(budget)
                            .map(stored -> stored > cachedVersion)
                            .orElse(false);
        }
    }
}
