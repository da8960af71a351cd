package uk.gov.personalbudget.budget.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.gov.personalbudget.budget.history.BudgetHistory;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.api.BudgetView;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.OpenBudget;

import java.util.Map;

/**
 * Sends commands to the aggregate and waits: a caller is answered only once the event is stored. Each command
 * carries the caller's W3C {@code traceparent} (a new one when the request has none or an invalid one), which
 * its events keep and take to Kafka.
 */
@Component
public class BudgetCommands {

    private final CommandGateway gateway;
    private final BudgetHistory history;

    public BudgetCommands(CommandGateway gateway, BudgetHistory history) {
        this.gateway = gateway;
        this.history = history;
    }

    /** Opens a budget; the aggregate's constructor answers only with its id, so the new state is read back. */
    public CommandAccepted open(OpenBudget command) {
        gateway.sendAndWait(traced(command));
        BudgetView opened = history.current(command.budgetId());
        return new CommandAccepted(opened.id(), opened.version(), opened.status(), opened.controlHolder());
    }

    public CommandAccepted send(BudgetCommand command) {
        return gateway.sendAndWait(traced(command));
    }

    private static CommandMessage<?> traced(BudgetCommand command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(TraceParent.METADATA_KEY, TraceParent.fromHeaderOrNew(incomingTraceParent()).value()));
    }

    private static String incomingTraceParent() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getHeader(TraceParent.METADATA_KEY)
                : null;
    }
}
