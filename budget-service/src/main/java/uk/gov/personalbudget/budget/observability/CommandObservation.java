package uk.gov.personalbudget.budget.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.personalbudget.budget.history.BudgetNotFound;
import uk.gov.personalbudget.budget.lifecycle.BudgetRuleViolation;
import uk.gov.personalbudget.contracts.command.BudgetCommand;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Each command sent to the aggregate as one observation {@value #NAME}: a timer by {@code command} (its type),
 * {@code outcome} and {@code rule} (the rule a refused command broke), and a span of the request's trace, inside
 * which the command and its events take their {@code traceparent}.
 */
public class CommandObservation {

    public static final String NAME = "budget.commands";
    private static final Logger log = LoggerFactory.getLogger(CommandObservation.class);
    private static final String NO_RULE = "none";
    private static final String ACCEPTED = "accepted";
    private static final String FAILED = "failed";

    /**
     * Each command type's span name, made once per type. Micrometer turns capitals in span names into "-x";
     * "command open-budget" reads better than that.
     */
    private static final ClassValue<String> SPAN_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return "command "
                    + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    };

    private final ObservationRegistry registry;

    public CommandObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    public <T> T observe(BudgetCommand command, Supplier<T> dispatch) {
        String type = command.getClass().getSimpleName();
        String budget = command.budgetId().toString();
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName(SPAN_NAMES.get(command.getClass()))
                .lowCardinalityKeyValue("command", type)
                .highCardinalityKeyValue("budget.id", budget)
                .start();
        long started = System.nanoTime();
        try (Observation.Scope scope = observation.openScope()) {
            try {
                T result = dispatch.get();
                observation.lowCardinalityKeyValue("outcome", ACCEPTED).lowCardinalityKeyValue("rule", NO_RULE);
                log(type, budget, ACCEPTED, NO_RULE, started);
                return result;
            } catch (RuntimeException failure) {
                String outcome = outcomeOf(failure);
                String rule = failure instanceof BudgetRuleViolation violation
                        ? violation.rule().slug()
                        : NO_RULE;
                observation
                        .lowCardinalityKeyValue("outcome", outcome)
                        .lowCardinalityKeyValue("rule", rule)
                        .error(failure);
                log(type, budget, outcome, rule, started);
                throw failure;
            }
        } finally {
            observation.stop();
        }
    }

    /**
     * One line per command, inside its span so the log carries its trace and span ids. Only the command's type, the
     * budget's id and the outcome: never the body, which may hold personal text.
     */
    private static void log(String type, String budget, String outcome, String rule, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (outcome.equals(FAILED)) {
            log.warn("command {} on budget {}: {} after {} ms", type, budget, outcome, millis);
        } else {
            log.info(
                    "command {} on budget {}: {}{} in {} ms",
                    type,
                    budget,
                    outcome,
                    rule.equals(NO_RULE) ? "" : " (" + rule + ")",
                    millis);
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
        return FAILED;
    }
}
