package uk.gov.personalbudget.budget.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.gov.personalbudget.budget.eventstore.CachedBudgetFreshness;
import uk.gov.personalbudget.budget.lifecycle.BudgetCommandTargetResolver;
import uk.gov.personalbudget.budget.observability.CommandObservation;
import uk.gov.personalbudget.budget.trace.TraceContexts;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.OpenBudget;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends commands to the aggregate and waits: a caller is answered only once the event is stored. Each command is
 * observed ({@link CommandObservation}: timer and span) and carries the W3C {@code traceparent} of its span, which
 * continues the caller's trace (a new one when the request has none or an invalid one) and which its events keep
 * and take to Kafka; and the version the caller's {@code If-Match} names, which the aggregate must be at for the
 * command to run (else Axon refuses it: 412).
 */
@Component
class BudgetCommands {

    static final String RETRIES = "budget.command.retries";

    private final CommandGateway gateway;
    private final CommandObservation observation;
    private final TraceContexts traces;
    private final CachedBudgetFreshness freshness;
    private final Counter retries;

    public BudgetCommands(
            CommandGateway gateway,
            CommandObservation observation,
            TraceContexts traces,
            CachedBudgetFreshness freshness,
            MeterRegistry meters) {
        this.gateway = gateway;
        this.freshness = freshness;
        this.retries = Counter.builder(RETRIES)
                .description("Commands sent a second time because the event store already held an event of the same"
                        + " budget at the sequence they appended at: another instance's, stored after this instance's"
                        + " cached copy or between its load and its append")
                .register(meters);
        this.observation = observation;
        this.traces = traces;
    }

    /** Opens a budget; the aggregate answers from the event it stores. */
    public CommandAccepted open(OpenBudget command) {
        List<String> ifMatch = incomingHeader(IfMatch.HEADER);
        if (IfMatch.isPresent(ifMatch)) {
            IfMatch.expectedVersion(ifMatch);
            throw new NoVersionYet();
        }
        return observation.observe(command, () -> gateway.sendAndWait(withMetaData(command)));
    }

    /**
     * Sends a command to an existing budget, decided on the copy of it this instance caches without asking the store
     * first ({@link CachedBudgetFreshness}: a refusal on a copy the store has moved past is decided once more). Should
     * another instance have stored an event of the budget that this instance's copy lacks, or store one between this
     * instance's load and its own append, the event store's unique sequence refuses the append
     * ({@link ConcurrencyException}); the command is then sent once more, on the budget as now stored, as one instance
     * would have run the two commands one after the other. If the caller named a version (If-Match) that the budget
     * is no longer at, the second run refuses it (412); a rule the stored budget breaks refuses it (409).
     */
    public CommandAccepted send(BudgetCommand command) {
        return observation.observe(command, () -> {
            CommandMessage<?> message = withMetaData(command);
            try {
                return freshness.decide(command.budgetId().value(), () -> gateway.sendAndWait(message));
            } catch (ConcurrencyException changedMeanwhile) {
                retries.increment();
                return gateway.sendAndWait(message);
            }
        });
    }

    private CommandMessage<?> withMetaData(BudgetCommand command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(
                TraceParent.METADATA_KEY,
                traces.current()
                        .orElseGet(() -> {
                            List<String> incoming = incomingHeader(TraceParent.METADATA_KEY);
                            return TraceParent.fromHeaderOrNew(incoming.isEmpty() ? null : incoming.get(0));
                        })
                        .value());
        IfMatch.expectedVersion(incomingHeader(IfMatch.HEADER))
                .ifPresent(version -> metaData.put(BudgetCommandTargetResolver.EXPECTED_VERSION, version));
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
    }

    private static List<String> incomingHeader(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Collections.list(request.getRequest().getHeaders(name))
                : List.of();
    }

    /** If-Match on opening: a budget that does not exist yet has no version to match. */
    static final class NoVersionYet extends RuntimeException {

        NoVersionYet() {
            super("a new budget has no version yet: send If-Match only with commands to an existing budget");
        }
    }
}
