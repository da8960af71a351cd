package uk.gov.personalbudget.support.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;

import java.util.Optional;

/**
 * The way from an event's earlier revision of its JSON to the one the contracts' records read (docs/events.md,
 * "Revisions and changes"), written once for both services: budget-service applies it to the events in its store
 * (as an Axon upcaster), approval-service to the records of the topic, which keep the revision they were stored with.
 * Pure functions over the JSON: personal text moves sealed, as it is.
 */
public final class EventRevisions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventRevisions() {}

    /**
     * {@code json}, an event of {@code type} at {@code revision}, at {@code type}'s revision now; empty when that
     * revision is later than the one this version knows (read it with a newer version: never guess).
     *
     * @param revision the revision it was stored with ({@code null}: the first)
     */
    public static Optional<JsonNode> toCurrent(Class<? extends BudgetEvent> type, String revision, JsonNode json) {
        int from = revision == null ? 1 : Integer.parseInt(revision);
        int current = Integer.parseInt(BudgetEventTypes.revisionOf(type));
        if (from < 1 || from > current) {
            return Optional.empty();
        }
        JsonNode upcast = json;
        if (type == PlanSubmitted.class && from == 1) {
            upcast = planSubmittedRevision2(upcast);
        }
        return Optional.of(upcast);
    }

    /**
     * {@code PlanSubmitted} revision 1 to revision 2: the notes on the person's agreement ({@code plan.personAgreement})
     * become {@code plan.agreement.notes}, beside how, when and where the person agreed; notes without that record
     * become an agreement of notes alone. Every other field stays as it is.
     */
    public static JsonNode planSubmittedRevision2(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        if (!(event.get("plan") instanceof ObjectNode plan)) {
            return event;
        }
        JsonNode notes = plan.remove("personAgreement");
        boolean hasNotes = notes != null && !notes.isNull();
        if (plan.get("agreement") instanceof ObjectNode agreement) {
            agreement.set("notes", hasNotes ? notes : JSON.nullNode());
        } else if (hasNotes) {
            ObjectNode agreement = plan.putObject("agreement");
            agreement.putNull("method");
            agreement.putNull("agreedAt");
            agreement.putNull("reference");
            agreement.set("notes", notes);
        } else {
            plan.putNull("agreement");
        }
        return event;
    }
}
