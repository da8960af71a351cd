package uk.gov.personalbudget.budget.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import uk.gov.personalbudget.budget.history.BudgetNotFound;
import uk.gov.personalbudget.budget.lifecycle.BudgetRuleViolation;
import uk.gov.personalbudget.contracts.command.BudgetCommand;

import java.util.function.Supplier;

/**
 * Each command sent to the aggregate as one observation {@value #NAME}: a timer by {@code command} (its type),
 * {@code outcome} and {@code rule} (the rule a refused command broke), and a span of the request's trace, inside
 * which the command and its events take their {@code traceparent}.
 */
public class CommandObservation {

    public static final String NAME = "budget.commands";
    private static final String NO_RULE = "none";

    private final ObservationRegistry registry;

    public CommandObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    public <T> T observe(BudgetCommand command, Supplier<T> dispatch) {
        String type = command.getClass().getSimpleName();
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("command " + type)
                .lowCardinalityKeyValue("command", type)
                .highCardinalityKeyValue("budget.id", command.budgetId().toString())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            T result = dispatch.get();
            observation.lowCardinalityKeyValue("outcome", "accepted").lowCardinalityKeyValue("rule", NO_RULE);
            return result;
        } catch (RuntimeException failure) {
            observation.lowCardinalityKeyValue("outcome", outcomeOf(failure))
                    .lowCardinalityKeyValue("rule", failure instanceof BudgetRuleViolation violation
                            ? violation.rule().slug() : NO_RULE)
                    .error(failure);
            throw failure;
        } finally {
            observation.stop();
        }
    }

    /** The same classes as the API's answers (web.ApiProblems): 403, 409, 400, 404, 409, 412, 5xx. */
    static String outcomeOf(RuntimeException failure) {
        if (failure instanceof BudgetRuleViolation violation) {
            return switch (violation.rule().kind()) {
                case FORBIDDEN -> "forbidden";
                case CONFLICT -> "refused";
                case INVALID -> "invalid";
            };
        }
        if (failure instanceof BudgetNotFound || failure instanceof AggregateNotFoundException) {
            return "not-found";
        }
        if (failure instanceof ConflictingAggregateVersionException) {
            return "version-mismatch";
        }
        if (failure instanceof ConcurrencyException) {
            return "concurrent-change";
        }
        if (failure instanceof JSR303ViolationException) {
            return "invalid";
        }
        return "failed";
    }
}
