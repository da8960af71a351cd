package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;

/**
 * The revision an event is stored with: its type's revision in contracts ({@link BudgetEventTypes#revisionOf}), the
 * first as none at all, as every event was stored before revisions were raised (so the events of the types never
 * changed are stored, hashed and published exactly as before). Other payloads (snapshots) keep Axon's annotation.
 */
class EventRevisionResolver implements RevisionResolver {

    private final RevisionResolver others = new AnnotationRevisionResolver();

    @Override
    @SuppressWarnings("unchecked")
    public String revisionOf(Class<?> payloadType) {
        if (!BudgetEvent.class.isAssignableFrom(payloadType)) {
            return others.revisionOf(payloadType);
        }
        String revision = BudgetEventTypes.revisionOf((Class<? extends BudgetEvent>) payloadType);
        return BudgetEventTypes.FIRST_REVISION.equals(revision) ? null : revision;
    }
}
