package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose budget it is, for sealing the personal text of its events with that person's key. The answer is the
 * budget's own {@code BudgetOpened} (sequence 0) in the event store: authoritative, stored in the same
 * transaction as the budget itself, so there is no second record to keep in step. A budget's person never
 * changes, so answers are kept (the most recent budgets) and the store is asked once per budget and process.
 */
class BudgetPersons {

    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String query;
    private final Map<BudgetId, PersonReference> remembered =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<BudgetId, PersonReference> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /**
     * @param jdbc on the event store's DataSource: inside an append it joins the appending transaction
     */
    BudgetPersons(JdbcTemplate jdbc, EventSchema schema, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.query = "SELECT " + schema.payloadColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn()
                + " = 0 AND " + schema.payloadTypeColumn() + " = ?";
    }

    PersonReference personOf(BudgetId budget) {
        PersonReference person = remembered.get(budget);
        if (person == null) {
            person = lookUp(budget);
            remembered.put(budget, person);
        }
        return person;
    }

    private PersonReference lookUp(BudgetId budget) {
        List<byte[]> opened =
                jdbc.query(query, (row, i) -> row.getBytes(1), budget.value(), BudgetOpened.class.getName());
        if (opened.isEmpty()) {
            throw new IllegalStateException("budget " + budget + " has no BudgetOpened: whose personal data its "
                    + "events hold is unknown, so they cannot be sealed");
        }
        try {
            JsonNode person = json.readTree(opened.get(0)).path("opening").path("person");
            return new PersonReference(person.textValue());
        } catch (IOException unreadable) {
            throw new IllegalStateException("the BudgetOpened of " + budget + " cannot be read", unreadable);
        }
    }
}
