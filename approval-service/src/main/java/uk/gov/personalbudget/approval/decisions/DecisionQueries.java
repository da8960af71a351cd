package uk.gov.personalbudget.approval.decisions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.List;

/** One budget's decisions as projected. */
@Repository
public class DecisionQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;

    public DecisionQueries(JdbcTemplate jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** The budget's decisions in order, from the current generation. */
    public List<Decision> decisions(BudgetId budget) {
        return generations.inCurrent(generation -> decisions(budget, generation));
    }

    public List<Decision> decisions(BudgetId budget, int generation) {
        return generations.read(() -> jdbc.query(
                Tables.DECISION.select("budget_id = ?"), Tables.DECISION.mapper(), generation, budget.value()));
    }
}
