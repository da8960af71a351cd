package uk.gov.personalbudget.budget.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import uk.gov.personalbudget.budget.integrity.TamperEvidence;
import uk.gov.personalbudget.contracts.access.BudgetAccessRule;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.api.BudgetView;
import uk.gov.personalbudget.contracts.api.HistoryEntry;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a budget's decision history straight from the event store (from sequence 0, never from a snapshot) and
 * rebuilds its state now or at any past instant. Every read on a caller's behalf first asks the access rule, on the
 * budget as it is now: a caller who may not see the budget hears that it does not exist, whatever they asked.
 */
@Service
public class BudgetHistory {

    private final EventStore eventStore;
    private final TamperEvidence tamperEvidence;
    private final Clock clock;

    public BudgetHistory(EventStore eventStore, TamperEvidence tamperEvidence, Clock clock) {
        this.eventStore = eventStore;
        this.tamperEvidence = tamperEvidence;
        this.clock = clock;
    }

    /** Every event of the budget, in order, with its hash. */
    public List<HistoryEntry> entries(BudgetId id, Actor reader) {
        List<? extends DomainEventMessage<?>> events = events(id);
        requireMayRead(reader, id, fold(id, events, null));
        Map<Long, String> hashes = tamperEvidence.hashesOf(id);
        return events.stream()
                .map(message -> entry(message, hashes.get(message.getSequenceNumber())))
                .toList();
    }

    /** The budget as it is now. */
    public BudgetView current(BudgetId id, Actor reader) {
        BudgetViewFold now = fold(id, events(id), null);
        requireMayRead(reader, id, now);
        return now.view(clock.instant());
    }

    /** The budget as it was at {@code moment}: only events stored at or before it count. */
    public BudgetView asOf(BudgetId id, Instant moment, Actor reader) {
        List<? extends DomainEventMessage<?>> events = events(id);
        requireMayRead(reader, id, fold(id, events, null));
        BudgetViewFold then = fold(id, events, moment);
        if (then.isEmpty()) {
            throw new BudgetNotFound(id, moment);
        }
        return then.view(moment);
    }

    /** Whose budget it is and who may stand for the person now, for a caller's access to be decided on. */
    public BudgetParties parties(BudgetId id) {
        return fold(id, events(id), null).parties();
    }

    /** The budget as it is now, for the service itself (the answer to opening it). */
    public BudgetView current(BudgetId id) {
        return fold(id, events(id), null).view(clock.instant());
    }

    private static void requireMayRead(Actor reader, BudgetId id, BudgetViewFold now) {
        BudgetParties parties = now.parties();
        if (!BudgetAccessRule.maySee(reader, parties)) {
            throw new BudgetNotFound(id);
        }
        if (!BudgetAccessRule.mayRead(reader, parties)) {
            throw new AccessDeniedException("a " + reader.role() + " caller reads no budget's content");
        }
    }

    /** The events up to {@code moment} (all when null) folded; a budget with none at all does not exist. */
    private static BudgetViewFold fold(BudgetId id, List<? extends DomainEventMessage<?>> events, Instant moment) {
        BudgetViewFold fold = new BudgetViewFold();
        for (DomainEventMessage<?> message : events) {
            if (moment != null && message.getTimestamp().isAfter(moment)) {
                break;
            }
            fold.apply((BudgetEvent) message.getPayload());
        }
        if (moment == null && fold.isEmpty()) {
            throw new BudgetNotFound(id);
        }
        return fold;
    }

    private List<? extends DomainEventMessage<?>> events(BudgetId id) {
        return eventStore.readEvents(id.value(), 0).asStream().toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> message, String hash) {
        BudgetEvent event = (BudgetEvent) message.getPayload();
        return new HistoryEntry(
                message.getPayloadType().getSimpleName(),
                message.getSequenceNumber(),
                message.getTimestamp(),
                event.act().actor(),
                event.act().actorRole(),
                event.act().onBehalfOf(),
                event.control().before(),
                event.control().after(),
                event,
                hash);
    }
}
