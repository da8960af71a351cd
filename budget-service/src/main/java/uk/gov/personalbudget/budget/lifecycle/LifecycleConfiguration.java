package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the aggregate's routing and the command bus's last line of input validation. */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    @Bean
    public BudgetCommandTargetResolver budgetCommandTargetResolver() {
        return new BudgetCommandTargetResolver();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The web layer validates bodies already; this also guards commands sent by any other route. */
    @Autowired
    void validateCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>());
    }

    /** Each command's unit of work is time-limited, in place of Axon's own limits (axon.timeout.enabled: false). */
    @Bean(destroyMethod = "close")
    static UnitOfWorkTimeLimit commandTimeLimit() {
        return new UnitOfWorkTimeLimit("command bus");
    }

    @Autowired
    void limitCommands(CommandBus commandBus, @Qualifier("commandTimeLimit") UnitOfWorkTimeLimit commandTimeLimit) {
        commandBus.registerHandlerInterceptor(commandTimeLimit);
    }

    /** And each event processor's unit of work (a publication batch): one limit, and one timer thread, for all. */
    @Bean(destroyMethod = "close")
    static UnitOfWorkTimeLimit eventProcessorTimeLimit() {
        return new UnitOfWorkTimeLimit("event processor");
    }

    /** Static: Axon's configurer collects the modules before this class's command bus wiring can run. */
    @Bean
    static ConfigurerModule eventProcessorTimeLimits(
            @Qualifier("eventProcessorTimeLimit") UnitOfWorkTimeLimit eventProcessorTimeLimit) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((config, processor) -> eventProcessorTimeLimit);
    }
}
