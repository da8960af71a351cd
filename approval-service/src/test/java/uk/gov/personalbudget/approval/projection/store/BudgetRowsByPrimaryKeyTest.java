package uk.gov.personalbudget.approval.projection.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer.Database;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that names a budget but not a row's whole key finds the budget's rows through its table's primary key,
 * whatever PostgreSQL's statistics say: before autovacuum's first ANALYZE of a new database, and in a generation
 * the statistics have not seen (a replay's). While generation led the secondary indexes, the planner took either
 * index there, and the secondary one scans the whole generation (V12, issue 17). Checked for the plan a prepared
 * statement first gets (custom, for its values) and the one it may keep after its fifth run (generic).
 */
class BudgetRowsByPrimaryKeyTest {

    /** The tables with a secondary index: on the others the primary key is the only index there is. */
    private static final List<Tables.Table<?>> WITH_SECONDARY_INDEXES = List.of(
            Tables.BUDGET_SUMMARY,
            Tables.DECISION,
            Tables.APPROVAL_QUEUE,
            Tables.TIMELINESS_CLOCK,
            Tables.OUTCOME,
            Tables.PERSON_ACT);

    private static final int BUDGETS = 5_000;
    private static final int BATCH = 100;

    private final Database database = EmbeddedPostgresServer.newDatabase();
    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migrate() {
        Flyway.configure()
                .dataSource(database.url(), database.username(), database.password())
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        // One connection: the plan cache mode and the prepared statements are the session's.
        connection = new SingleConnectionDataSource(database.url(), database.username(), database.password(), true);
        jdbc = new JdbcTemplate(connection);
    }

    @AfterEach
    void close() {
        connection.destroy();
    }

    @Test
    void beforeAnyAnalyze() {
        fill(1, BUDGETS);

        assertBudgetStatementsUsePrimaryKeys(1);
    }

    @Test
    void inAGenerationTheStatisticsHaveNotSeen() {
        fill(1, BUDGETS);
        jdbc.execute("ANALYZE");
        // A replay's generation grows past anything the statistics saw of it.
        fill(2, BUDGETS * 2);

        assertBudgetStatementsUsePrimaryKeys(2);
    }

    /** What the secondary indexes are for, in the shapes the queue and the reports read them. */
    @Test
    void theSecondaryIndexesStillServeTheCouncilKindAndTimeReads() {
        fill(1, BUDGETS);
        jdbc.execute("ANALYZE");
        String council = "local_authority IN ('council-3', 'council-4')";
        String lastHour = "BETWEEN now() - interval '60 minutes' AND now() - interval '50 minutes'";

        assertThat(plan(Tables.APPROVAL_QUEUE.select(council + " AND kind = 'PLAN_AWAITING_DECISION'"), "1"))
                .contains("approval_queue_council_kind_since");
        assertThat(plan(Tables.BUDGET_SUMMARY.select(council + " AND opened_at < now()"), "1"))
                .contains("budget_summary_council_opened");
        assertThat(plan(Tables.TIMELINESS_CLOCK.select(council + " AND ended_at IS NULL"), "1"))
                .contains("timeliness_clock_council");
        assertThat(plan(Tables.DECISION.select("kind IN ('CHALLENGE', 'CHALLENGE_ANSWER')"), "1"))
                .contains("decision_kind_time");
        assertThat(plan(Tables.OUTCOME.select("recorded_at " + lastHour), "1")).contains("outcome_time");
        assertThat(plan(Tables.PERSON_ACT.select("occurred_at " + lastHour), "1"))
                .contains("person_act_time");
    }

    private void assertBudgetStatementsUsePrimaryKeys(int generation) {
        String budget = "'budget-7'";
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
            jdbc.execute("SET plan_cache_mode = " + mode);
            for (Tables.Table<?> table : WITH_SECONDARY_INDEXES) {
                assertThat(plan(table.select("budget_id = ?"), generation + ", " + budget))
                        .as("a budget's %s rows, %s", table.name(), mode)
                        .contains("using " + table.name() + "_pk");
            }
            assertThat(plan(ProjectionWriter.STOP_CLOCK, "now(), 'LAPSED', " + generation + ", " + budget + ", 'PLAN'"))
                    .as("stopping a budget's clock, %s", mode)
                    .contains("using timeliness_clock_pk");
            assertThat(plan(ProjectionWriter.SUMMARIES_OF_BUDGETS, generation + ", " + someBudgets(2)))
                    .as("a batch's summaries, %s", mode)
                    .containsPattern("Index Scan (using|on) budget_summary_pk")
                    .containsPattern("Index Cond: .*budget_id");
            // A batch's budgets looked up one by one, or, where the table is small, the whole table read: not the
            // generation's rows read through the key and each filtered against the array.
            assertThat(plan(ProjectionWriter.SUMMARIES_OF_BUDGETS, generation + ", " + someBudgets(BATCH))
                            .lines()
                            .filter(line -> line.contains("Index Cond:")))
                    .as("a batch's summaries of %d budgets, %s", BATCH, mode)
                    .allMatch(condition -> condition.contains("budget_id"));
        }
    }

    /**
     * {@code count} budgets' ids as an array. Before any ANALYZE and in a generation the statistics have not seen, the
     * planner thought {@code generation = ?} matched a row or two, and read a batch's summaries through the key by
     * the generation alone, each of its rows filtered against the array: 160 ms a batch of 1,470 budgets in a
     * generation of 63,000 in the replay benchmark, where looking each budget up takes under a millisecond (V13).
     */
    private static String someBudgets(int count) {
        StringBuilder ids = new StringBuilder("ARRAY[");
        for (int i = 1; i <= count; i++) {
            ids.append(i == 1 ? "" : ", ").append("'budget-").append(i * 3).append('\'');
        }
        return ids.append("]::varchar[]").toString();
    }

    /** The plan PostgreSQL makes for {@code sql} prepared, then run with {@code values}. */
    private String plan(String sql, String values) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        jdbc.execute("PREPARE budget_rows AS " + numbered);
        try {
            return String.join("\n", jdbc.queryForList("EXPLAIN EXECUTE budget_rows(" + values + ")", String.class));
        } finally {
            jdbc.execute("DEALLOCATE budget_rows");
        }
    }

    /** {@code budgets} budgets' rows in generation {@code generation} of every table with a secondary index. */
    private void fill(int generation, int budgets) {
        String each = " FROM generate_series(1, " + budgets + ") AS i";
        String budget = generation + ", 'budget-' || i";
        // 50 councils, a budget a minute back from now, one decision in 100 a challenge: reads of a council, a kind
        // or an hour each find a few rows, as in a real projection.
        String council = "'council-' || (i % 50)";
        String minutesAgo = "now() - i * interval '1 minute'";
        jdbc.update(
                "INSERT INTO budget_summary (generation, budget_id, last_sequence, last_event_at, person_reference, "
                        + "local_authority, opened_at, status, control_party, control_since, contest_count, plan_count, "
                        + "return_count, decline_count, delegation_count) SELECT " + budget
                        + ", 1, now(), 'person-' || i, "
                        + council + ", " + minutesAgo + ", 'OFFERED', 'PERSON', now(), 0, 0, 0, 0, 0" + each);
        jdbc.update("INSERT INTO decision (generation, budget_id, event_sequence, kind, occurred_at) SELECT " + budget
                + ", 1, CASE WHEN i % 100 = 0 THEN 'CHALLENGE' ELSE 'OFFER' END, " + minutesAgo + each);
        jdbc.update("INSERT INTO approval_queue (generation, budget_id, kind, event_sequence, since, person_reference, "
                + "local_authority) SELECT " + budget + ", CASE WHEN i % 2 = 0 THEN 'PLAN_AWAITING_DECISION' ELSE "
                + "'OFFER_AWAITING_ANSWER' END, 1, " + minutesAgo + ", 'person-' || i, " + council + each);
        jdbc.update("INSERT INTO timeliness_clock (generation, budget_id, kind, event_sequence, local_authority, "
                + "started_at, ended_at) SELECT " + budget + ", 'PLAN', 1, " + council + ", " + minutesAgo
                + ", CASE WHEN i % 2 = 0 THEN now() END" + each);
        jdbc.update("INSERT INTO outcome (generation, budget_id, event_sequence, recorded_at, outcome_domain, "
                + "on_behalf) SELECT " + budget + ", 1, " + minutesAgo + ", 'HOUSING', false" + each);
        jdbc.update("INSERT INTO person_act (generation, budget_id, event_sequence, occurred_at, event_type, "
                + "on_behalf) SELECT " + budget + ", 1, " + minutesAgo + ", 'PlanSubmitted', false" + each);
    }
}
