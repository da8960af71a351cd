package uk.gov.personalbudget.budget.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import uk.gov.personalbudget.budget.integrity.TamperEvidence;
import uk.gov.personalbudget.contracts.api.BudgetView;
import uk.gov.personalbudget.contracts.api.HistoryEntry;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a budget's decision history straight from the event store (from sequence 0, never from a
 * snapshot) and rebuilds its state now or at any past instant.
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
    public List<HistoryEntry> entries(BudgetId id) {
        List<? extends DomainEventMessage<?>> events = events(id);
        Map<Long, String> hashes = tamperEvidence.hashesOf(id);
        List<HistoryEntry> entries = events.stream()
                .map(message -> entry(message, hashes.get(message.getSequenceNumber())))
                .toList();
        if (entries.isEmpty()) {
            throw new BudgetNotFound(id);
        }
        return entries;
    }

    /** The budget as it is now. */
    public BudgetView current(BudgetId id) {
        return rebuild(id, null);
    }

    /** The budget as it was at {@code moment}: only events stored at or before it count. */
    public BudgetView asOf(BudgetId id, Instant moment) {
        return rebuild(id, moment);
    }

    private BudgetView rebuild(BudgetId id, Instant moment) {
        BudgetViewFold fold = new BudgetViewFold();
        for (DomainEventMessage<?> message : events(id)) {
            if (moment != null && message.getTimestamp().isAfter(moment)) {
                break;
            }
            fold.apply((BudgetEvent) message.getPayload());
        }
        if (fold.isEmpty()) {
            throw moment == null ? new BudgetNotFound(id) : new BudgetNotFound(id, moment);
        }
        return fold.view(moment != null ? moment : clock.instant());
    }

    private List<? extends DomainEventMessage<?>> events(BudgetId id) {
        return eventStore.readEvents(id.value(), 0).asStream().toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> message, String hash) {
        BudgetEvent event = (BudgetEvent) message.getPayload();
        return new HistoryEntry(message.getPayloadType().getSimpleName(), message.getSequenceNumber(),
                message.getTimestamp(), event.act().actor(), event.act().actorRole(), event.act().onBehalfOf(),
                event.control().before(), event.control().after(), event, hash);
    }
}
