package uk.gov.personalbudget.approval.trail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.List;

/** One budget's control trail as projected. */
@Repository
public class TrailQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;

    public TrailQueries(JdbcTemplate jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** The budget's control transfers in order, from the current generation. */
    public List<ControlTrailEntry> controlTrail(BudgetId budget) {
        return generations.inCurrent(generation -> controlTrail(budget, generation));
    }

    public List<ControlTrailEntry> controlTrail(BudgetId budget, int generation) {
        return generations.read(() -> jdbc.query(Tables.CONTROL_TRAIL.select("budget_id = ?"),
                Tables.CONTROL_TRAIL.mapper(), generation, budget.value()));
    }
}
