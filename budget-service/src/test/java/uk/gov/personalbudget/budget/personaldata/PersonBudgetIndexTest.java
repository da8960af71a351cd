package uk.gov.personalbudget.budget.personaldata;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.personalbudget.budget.support.LocalProfileTest;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The person-budget index is written in the transaction that stores the opening, and only by the opening. */
@LocalProfileTest
class PersonBudgetIndexTest {

    private static final Actor PRACTITIONER = Actor.of("sw-3001", Role.PRACTITIONER, "leeds");

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine events;

    @Autowired
    DataSource dataSource;

    @Test
    void anOpeningIndexesItsPersonAndCouncil() {
        BudgetId budget = BudgetId.generate();
        PersonReference person = new PersonReference("P-7701");

        commands.sendAndWait(new OpenBudget(budget, PRACTITIONER, new BudgetOpening(person, "leeds", "sw-3001")));

        assertThat(jdbc().queryForList(
                                "SELECT person_ref, council FROM person_budget WHERE budget_id = ?", budget.value()))
                .containsExactly(Map.of("PERSON_REF", "P-7701", "COUNCIL", "leeds"));
    }

    @Test
    void anOpeningWhoseRowCannotBeWrittenIsNotStored() {
        BudgetId budget = BudgetId.generate();
        jdbc().update(
                        "INSERT INTO person_budget (budget_id, person_ref, council) VALUES (?, ?, ?)",
                        budget.value(),
                        "P-7702",
                        "leeds");

        assertThatThrownBy(() -> commands.sendAndWait(new OpenBudget(
                        budget, PRACTITIONER, new BudgetOpening(new PersonReference("P-7703"), "leeds", "sw-3001"))))
                .isInstanceOf(RuntimeException.class);

        assertThat(events.lastSequenceNumberFor(budget.value())).isEmpty();
        assertThat(jdbc().queryForObject(
                                "SELECT person_ref FROM person_budget WHERE budget_id = ?",
                                String.class,
                                budget.value()))
                .isEqualTo("P-7702");
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
