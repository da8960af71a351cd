package uk.gov.personalbudget.approval.trail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.ChallengeOnTrail;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport.OverdueDelegation;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** One budget's control trail, and its delegations that ran past their intended end, as projected. */
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
        return generations.read(() -> jdbc.query(
                Tables.CONTROL_TRAIL.select("budget_id = ?"),
                Tables.CONTROL_TRAIL.mapper(),
                generation,
                budget.value()));
    }

    /** The budget's challenges of decisions and their answers before {@code asOf}, from the current generation. */
    public List<ChallengeOnTrail> challenges(BudgetId budget, Instant asOf) {
        return generations.inCurrent(generation -> ChallengeOnTrail.of(
                generations.read(() -> jdbc.query(
                        Tables.DECISION.select("budget_id = ? AND kind IN ('CHALLENGE', 'CHALLENGE_ANSWER')"),
                        Tables.DECISION.mapper(),
                        generation,
                        budget.value())),
                asOf));
    }

    /**
     * The budget's delegations whose intended end came before {@code asOf} and that had not ended by it, as the
     * control summary report counts them over the budget's whole life (earliest intended end first), from the
     * current generation.
     */
    public List<OverdueDelegation> overdueDelegations(BudgetId budget, Instant asOf) {
        return generations.inCurrent(generation -> generations
                .read(() -> jdbc.query(
                        Tables.DELEGATION.select("budget_id = ? AND intended_end < ?"),
                        Tables.DELEGATION.mapper(),
                        generation,
                        budget.value(),
                        OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)))
                .stream()
                .map(delegation -> OverdueDelegation.at(delegation, asOf))
                .flatMap(Optional::stream)
                .sorted(OverdueDelegation.ORDER)
                .toList());
    }
}
