package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.util.Objects;

/**
 * One budget event as the consumer hands it to the projections.
 *
 * @param eventId   the event's own id (Axon's event identifier), kept for tracing only
 * @param budgetId  the budget, equal to {@code event.budgetId()} (the Kafka key)
 * @param sequence  the budget's aggregate sequence number: 0 for {@code BudgetOpened}, then one more per event
 * @param timestamp when the event was stored; used only if the event's own {@code act().occurredAt()} is missing
 * @param event     the event
 */
public record EventEnvelope(String eventId, BudgetId budgetId, long sequence, Instant timestamp, BudgetEvent event) {

    public EventEnvelope {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(event, "event");
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence number is 0 or more: " + sequence);
        }
        if (!budgetId.equals(event.budgetId())) {
            throw new IllegalArgumentException(
                    "envelope for budget " + budgetId + " carries an event of budget " + event.budgetId());
        }
    }

    /** The event's type name as the trail shows it, e.g. {@code PlanEndorsed}. */
    public String eventType() {
        return event.getClass().getSimpleName();
    }
}
