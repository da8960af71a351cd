package uk.gov.personalbudget.budget.personaldata;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.util.List;

/**
 * Every budget's person and council (table {@code person_budget}), so that an erasure finds all of a person's
 * budgets at once. Written by a subscribing processor, which handles a {@code BudgetOpened} in the unit of work that
 * stores it, hence in the same transaction: a budget is never stored without its row, nor a row without its budget.
 * An error here is not only logged (Axon's default) but fails the opening ({@link PersonalDataEventsConfiguration}).
 */
@ProcessingGroup(PersonBudgetIndex.PROCESSING_GROUP)
class PersonBudgetIndex {

    static final String PROCESSING_GROUP = "person-budgets";

    /** One of the person's budgets, and the council it belongs to. */
    record PersonsBudget(BudgetId budget, String council) {}

    private final JdbcTemplate jdbc;

    /** @param jdbc on the event store's DataSource, so it joins the transaction storing the event */
    PersonBudgetIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A budget is opened by its first event (as the serializer reads its person, {@code BudgetPersons}). */
    @EventHandler
    void on(BudgetOpened opened, @SequenceNumber long sequence) {
        if (sequence != 0) {
            return;
        }
        jdbc.update(
                "INSERT INTO person_budget (budget_id, person_ref, council) VALUES (?, ?, ?)",
                opened.budgetId().value(),
                opened.opening().person().value(),
                opened.opening().localAuthority());
    }

    /** The person's budgets, oldest id first; none for a person this service holds no budget for. */
    List<PersonsBudget> budgetsOf(PersonReference person) {
        return jdbc.query(
                "SELECT budget_id, council FROM person_budget WHERE person_ref = ? ORDER BY budget_id",
                (row, i) -> new PersonsBudget(new BudgetId(row.getString(1)), row.getString(2)),
                person.value());
    }
}
