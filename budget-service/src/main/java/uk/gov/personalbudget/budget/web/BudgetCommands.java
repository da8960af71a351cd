package uk.gov.personalbudget.budget.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.budget.history.BudgetHistory;
import uk.gov.personalbudget.contracts.api.BudgetView;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.OpenBudget;

/** Sends commands to the aggregate and waits: a caller is answered only once the event is stored. */
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
        gateway.sendAndWait(command);
        BudgetView opened = history.current(command.budgetId());
        return new CommandAccepted(opened.id(), opened.version(), opened.status(), opened.controlHolder());
    }

    public CommandAccepted send(BudgetCommand command) {
        return gateway.sendAndWait(command);
    }
}
