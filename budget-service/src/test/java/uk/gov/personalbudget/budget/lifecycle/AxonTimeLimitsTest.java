package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import uk.gov.personalbudget.budget.support.LocalProfileTest;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.event.BudgetOpened;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon 4.12 wraps every unit of work, and every handler within it, in a time limit that takes its thread's whole stack
 * trace when it starts: four stack traces per command, the largest single cost of a command in the profile
 * (docs/benchmarks.md). The service turns Axon's limits off and bounds each unit of work with its own
 * ({@link UnitOfWorkTimeLimit}, whose behaviour {@code UnitOfWorkTimeLimitTest} proves); this pins the wiring, and
 * Axon's default that made it necessary.
 */
@LocalProfileTest
class AxonTimeLimitsTest {

    @Value("${axon.timeout.enabled}")
    boolean axonTimeoutsEnabled;

    @Autowired
    ObjectProvider<HandlerTimeoutHandlerEnhancerDefinition> axonHandlerTimeouts;

    @Autowired
    @Qualifier("commandTimeLimit")
    UnitOfWorkTimeLimit commandTimeLimit;

    @Autowired
    @Qualifier("eventProcessorTimeLimit")
    UnitOfWorkTimeLimit eventProcessorTimeLimit;

    @Test
    void axonsOwnLimitsAreOffAndTheServicesBoundCommandsAndEventProcessors() {
        assertThat(axonTimeoutsEnabled).isFalse();
        assertThat(axonHandlerTimeouts.getIfAvailable()).isNull();
        assertThat(commandTimeLimit).isNotNull();
        assertThat(eventProcessorTimeLimit).isNotNull();
    }

    @Test
    void axonsDefaultsWouldWrapEveryHandlerInALimitOfItsOwn() throws NoSuchMethodException {
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
