package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import uk.gov.personalbudget.contracts.command.BudgetCommand;

/**
 * Routes a command to its budget by {@link BudgetCommand#budgetId()}, so the contracts need no Axon
 * annotation. An expected version, when a caller gives one, travels as metadata and is compared by the aggregate
 * once it knows the caller may see the budget ({@link PersonalBudget}), never by Axon on loading.
 */
public class BudgetCommandTargetResolver implements CommandTargetResolver {

    /** Metadata key for the version the caller expects the budget to be at. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof BudgetCommand budgetCommand)) {
            throw new IllegalArgumentException(
                    "not a budget command: " + command.getPayloadType().getName());
        }
        return new VersionedAggregateIdentifier(budgetCommand.budgetId().value(), null);
    }
}
