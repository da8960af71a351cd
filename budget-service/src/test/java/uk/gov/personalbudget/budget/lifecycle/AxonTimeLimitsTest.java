package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.personalbudget.budget.support.LocalProfileTest;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.event.BudgetOpened;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon 4.12 wraps every handler in a time limit of its own, besides the limit around the unit of work it runs in, and
 * each limit takes its thread's whole stack trace when it starts: four stack traces per command, the largest single
 * cost of a command in the profile (docs/benchmarks.md). The service keeps the units of work's limits and turns off
 * the per-handler ones; this pins both halves, and Axon's default that made it necessary.
 */
@LocalProfileTest
class AxonTimeLimitsTest {

    @Autowired
    HandlerTimeoutHandlerEnhancerDefinition handlerTimeouts;

    @Autowired
    TimeoutProperties timeouts;

    @Test
    void aCommandAndItsEventsRunWithinTheLimitOfTheirUnitOfWork() {
        var commandBus = timeouts.getTransaction().getCommandBus();
        var publication = timeouts.getTransaction().getEventProcessors();

        assertThat(timeouts.isEnabled()).isTrue();
        assertThat(commandBus.getTimeoutMs()).isEqualTo(60_000);
        assertThat(commandBus.getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(publication.getTimeoutMs()).isEqualTo(60_000);
    }

    @Test
    void noHandlerIsWrappedInALimitOfItsOwn() throws NoSuchMethodException {
        var command = commandHandler();
        var eventSourcing = eventSourcingHandler();

        assertThat(handlerTimeouts.wrapHandler(command)).isSameAs(command);
        assertThat(handlerTimeouts.wrapHandler(eventSourcing)).isSameAs(eventSourcing);
    }

    @Test
    void axonsDefaultsWouldWrapEveryHandler() throws NoSuchMethodException {
        var defaults = new HandlerTimeoutHandlerEnhancerDefinition(
                new TimeoutProperties().getHandler().toMessageHandlerTimeoutConfiguration());

        var command = commandHandler();
        var eventSourcing = eventSourcingHandler();

        // Axon's wrapper (TimeoutWrappedMessageHandlingMember) is not public: any other member than the handler is it.
        assertThat(defaults.wrapHandler(command)).isNotSameAs(command);
        assertThat(defaults.wrapHandler(eventSourcing)).isNotSameAs(eventSourcing);
    }

    private static MessageHandlingMember<PersonalBudget> commandHandler() throws NoSuchMethodException {
        return new AnnotatedMessageHandlingMember<>(
                PersonalBudget.class.getMethod("handle", OpenBudget.class),
                CommandMessage.class,
                OpenBudget.class,
                ClasspathParameterResolverFactory.forClass(PersonalBudget.class));
    }

    private static MessageHandlingMember<PersonalBudget> eventSourcingHandler() throws NoSuchMethodException {
        return new AnnotatedMessageHandlingMember<>(
                PersonalBudget.class.getDeclaredMethod("on", BudgetOpened.class),
                EventMessage.class,
                BudgetOpened.class,
                ClasspathParameterResolverFactory.forClass(PersonalBudget.class));
    }
}
