package uk.gov.personalbudget.budget.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.budget.eventstore.CachedBudgetFreshness;
import uk.gov.personalbudget.budget.lifecycle.BudgetRuleViolation;
import uk.gov.personalbudget.budget.lifecycle.Rule;
import uk.gov.personalbudget.budget.observability.CommandObservation;
import uk.gov.personalbudget.budget.trace.TraceContexts;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.ResumeBudget;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A command that lost a race on the event store's unique sequence runs once more; nothing else is run twice. */
class BudgetCommandsRetryTest {

    private static final BudgetId BUDGET = new BudgetId("PB-2026-0001");
    private static final ResumeBudget COMMAND =
            new ResumeBudget(BUDGET, Actor.of("tm-4001", Role.AUTHORITY), new Reason("Back from hospital"));
    private static final CommandAccepted ACCEPTED = new CommandAccepted(BUDGET, 9, BudgetStatus.ACTIVE, null);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BudgetCommands commands = new BudgetCommands(
            gateway,
            new CommandObservation(ObservationRegistry.create()),
            new TraceContexts(Tracer.NOOP, Propagator.NOOP),
            new CachedBudgetFreshness(new InMemoryEventStorageEngine(), new SimpleMeterRegistry()),
            meters);

    @Test
    void aCommandThatLostARaceToAnotherInstanceRunsOnceMoreOnTheStoredBudget() {
        when(gateway.sendAndWait(any()))
                .thenThrow(new ConcurrencyException("sequence 9 taken"))
                .thenReturn(ACCEPTED);

        assertThat(commands.send(COMMAND)).isEqualTo(ACCEPTED);
        verify(gateway, times(2)).sendAndWait(any());
        assertThat(retries()).isEqualTo(1);
    }

    @Test
    void aSecondLostRaceReachesTheCaller() {
        when(gateway.sendAndWait(any()))
                .thenThrow(new ConcurrencyException("sequence 9 taken"), new ConcurrencyException("sequence 10 taken"));

        assertThatThrownBy(() -> commands.send(COMMAND))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("sequence 10");
        verify(gateway, times(2)).sendAndWait(any());
    }

    @Test
    void aRefusalByARuleIsNotRunAgain() {
        when(gateway.sendAndWait(any())).thenThrow(new BudgetRuleViolation(Rule.PLAN_NOT_ENDORSED, "not endorsed"));

        assertThatThrownBy(() -> commands.send(COMMAND)).isInstanceOf(BudgetRuleViolation.class);
        verify(gateway, times(1)).sendAndWait(any());
        assertThat(retries()).isZero();
    }

    private double retries() {
        return meters.counter(BudgetCommands.RETRIES).count();
    }
}
