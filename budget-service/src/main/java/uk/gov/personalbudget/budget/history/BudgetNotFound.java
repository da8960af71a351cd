package uk.gov.personalbudget.budget.history;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.util.Optional;

/**
 * No budget has this id, or the caller may not see it (answered alike, so that a refusal tells nothing); or, for a
 * caller who may see it, it did not yet exist at the moment asked about.
 */
public class BudgetNotFound extends RuntimeException {

    /** What every caller is told of a budget they cannot have: the same words whether it exists or not. */
    public static final String NO_SUCH_BUDGET = "no budget with this id";

    private final transient Instant moment;

    public BudgetNotFound(BudgetId id) {
        super(NO_SUCH_BUDGET);
        this.moment = null;
    }

    public BudgetNotFound(BudgetId id, Instant moment) {
        super("budget " + id + " did not exist at " + moment);
        this.moment = moment;
    }

    /** The moment asked about, when the budget exists but did not yet then. */
    public Optional<Instant> moment() {
        return Optional.ofNullable(moment);
    }
}
