package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The councils a person has budgets with, read from the budgets' {@code BudgetOpened} events (whose person and
 * council are stored in the clear). It reads every budget's first event: fine for erasures, which are rare and done
 * by hand, and not meant for any path a command takes.
 */
class PersonsCouncils {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String query;

    PersonsCouncils(JdbcTemplate jdbc, EventSchema schema, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.query = "SELECT " + schema.payloadColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.sequenceNumberColumn() + " = 0 AND " + schema.payloadTypeColumn() + " = ?";
    }

    Set<String> councilsOf(PersonReference person) {
        Set<String> councils = new HashSet<>();
        jdbc.query(query, row -> {
            JsonNode opening = read(row.getBytes(1)).path("opening");
            if (person.value().equals(opening.path("person").textValue())) {
                councils.add(opening.path("localAuthority").textValue());
            }
        }, BudgetOpened.class.getName());
        return councils;
    }

    private JsonNode read(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("a BudgetOpened cannot be read", unreadable);
        }
    }
}
