package uk.gov.personalbudget.budget.personaldata;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every budget's person and council (table {@code person_budget}), so that an erasure finds all of a person's
 * budgets at once. Subscribed to the event store ({@code EventBus.subscribe}), which hands it the events a unit of
 * work stores while it prepares to commit, as Axon's subscribing processors are: a {@code BudgetOpened} is indexed in
 * the transaction that stores it, so a budget is never stored without its row, nor a row without its budget, and an
 * error here fails the opening. A subscribing processor did this before, at the cost of a unit of work, its monitors
 * and interceptors for every event of every command (3 % of a command's CPU, docs/benchmarks.md) to index one in ten.
 */
class PersonBudgetIndex implements Consumer<List<? extends EventMessage<?>>> {

    /** One of the person's budgets, and the council it belongs to. */
    record PersonsBudget(BudgetId budget, String council) {}

    private final JdbcTemplate jdbc;

    /** @param jdbc on the event store's DataSource, so it joins the transaction storing the event */
    PersonBudgetIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Indexes each budget opened among {@code events}: a budget is opened by its first event. */
    @Override
    public void accept(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (BudgetOpened.class.equals(event.getPayloadType())
                    && event instanceof DomainEventMessage<?> stored
                    && stored.getSequenceNumber() == 0) {
                index((BudgetOpened) stored.getPayload());
            }
        }
    }

    private void index(BudgetOpened opened) {
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
