package uk.gov.personalbudget.approval.trail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.HoldReason;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.projection.store.Tables;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The records of the topic held back, not projected, because they do not fit their budget's hash chain (the
 * {@code ProjectionWriter} stores them).
 */
@Repository
public class HeldBackQueries {

    private final JdbcTemplate jdbc;
    private final Generations generations;

    public HeldBackQueries(JdbcTemplate jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /**
     * The records held back whose budget is one of {@code councils}' as projected now, oldest first. A record
     * naming a budget no event has projected belongs to no council: it is listed to no one here (the metric and
     * the log name it).
     */
    public List<HeldBackRecord> heldBack(Set<String> councils) {
        return generations.inCurrent(generation -> {
            List<Object> parameters = new ArrayList<>();
            parameters.add(generation);
            String inCouncils = Tables.councilIn(councils, parameters);
            return jdbc.query(
                    HELD_BACK_SELECT + " WHERE budget_id IN (SELECT budget_id FROM budget_summary "
                            + "WHERE generation = ? AND " + inCouncils + ") ORDER BY held_at, topic, partition_no, "
                            + "record_offset",
                    HeldBackQueries::heldBackRecord,
                    parameters.toArray());
        });
    }

    /** The records of one budget that were held back, oldest first. */
    public List<HeldBackRecord> heldBack(BudgetId budget) {
        return generations.read(() -> jdbc.query(
                HELD_BACK_SELECT + " WHERE budget_id = ? ORDER BY held_at, topic, " + "partition_no, record_offset",
                HeldBackQueries::heldBackRecord,
                budget.value()));
    }

    private static final String HELD_BACK_SELECT = "SELECT topic, partition_no, record_offset, budget_id, "
            + "sequence_number, event_id, event_type, reason, detail, held_at FROM held_back_record";

    private static HeldBackRecord heldBackRecord(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long sequence = rs.getLong(5);
        Long claimed = rs.wasNull() ? null : sequence;
        return new HeldBackRecord(
                rs.getString(1),
                rs.getInt(2),
                rs.getLong(3),
                rs.getString(4),
                claimed,
                rs.getString(6),
                rs.getString(7),
                HoldReason.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant());
    }
}
