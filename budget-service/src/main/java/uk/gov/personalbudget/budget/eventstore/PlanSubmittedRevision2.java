package uk.gov.personalbudget.budget.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.support.events.EventRevisions;

/**
 * Reads a {@code PlanSubmitted} stored at revision 1 (stored as no revision) as revision 2, for the aggregate and the
 * history alike ({@link EventRevisions#planSubmittedRevision2}); the stored row, its hash and what is published stay
 * as they were.
 */
@Component
class PlanSubmittedRevision2 extends SingleEventUpcaster {

    private static final String TYPE = PlanSubmitted.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName())
                && (revision == null || BudgetEventTypes.FIRST_REVISION.equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(TYPE, BudgetEventTypes.revisionOf(PlanSubmitted.class)),
                JsonNode.class,
                EventRevisions::planSubmittedRevision2);
    }
}
