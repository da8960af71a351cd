package uk.gov.personalbudget.approval.projection.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.BudgetSummary;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.Optional;

/**
 * One budget's summary as projected: whether approval-service knows the budget, and its {@link #parties}, by which
 * the contracts' access rule says whether a caller may see it before anything of it is read out.
 */
@Repository
public class SummaryQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;

    public SummaryQueries(JdbcTemplate jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** The budget's summary, from the current generation. */
    public Optional<BudgetSummary> summary(BudgetId budget) {
        return generations.inCurrent(generation -> summary(budget, generation));
    }

    public Optional<BudgetSummary> summary(BudgetId budget, int generation) {
        return generations.read(() -> jdbc
                .query(
                        Tables.BUDGET_SUMMARY.select("budget_id = ?"),
                        Tables.BUDGET_SUMMARY.mapper(),
                        generation,
                        budget.value())
                .stream()
                .findFirst());
    }

    /**
     * Whose budget it is and who may stand for the person now, from the current generation, for the contracts'
     * {@code BudgetAccessRule}; empty if no event of it has been projected.
     */
    public Optional<BudgetParties> parties(BudgetId budget) {
        return summary(budget).map(BudgetSummary::parties);
    }

    public boolean exists(BudgetId budget) {
        return summary(budget).isPresent();
    }

    public boolean exists(BudgetId budget, int generation) {
        return summary(budget, generation).isPresent();
    }
}
