package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
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
}
