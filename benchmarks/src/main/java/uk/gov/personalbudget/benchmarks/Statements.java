package uk.gov.personalbudget.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What PostgreSQL ran for one database while the load was measured, from pg_stat_statements (preloaded by
 * {@link Stack}): each statement's calls and execution time per command, so that a change to the command path shows
 * in statements as well as in CPU.
 */
final class Statements {

    /** One normalised statement: calls and total execution time during the window. */
    record Row(long calls, double totalMillis, String query) {}

    private final Supplier<Connection> database;

    Statements(Supplier<Connection> database) {
        this.database = database;
    }

    /** Forgets what was counted so far (all databases: pg_stat_statements_reset() without arguments). */
    void reset() throws SQLException {
        try (Connection connection = database.get();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Every statement run in this database since {@link #reset()}, most called first. */
    List<Row> read() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.get();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT calls, total_exec_time, query FROM pg_stat_statements"
                        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " ORDER BY calls DESC, total_exec_time DESC")) {
            while (result.next()) {
                String query = result.getString(3);
                // This class's own statements (on its own connection) are not the service's.
                if (!query.contains("pg_stat_statements") && !query.startsWith("SET application_name")) {
                    rows.add(new Row(result.getLong(1), result.getDouble(2), query));
                }
            }
        }
        return rows;
    }

    /** The statements called at least once per hundred commands, each on one line, and their total per command. */
    static String perCommand(List<Row> rows, long commands, String prefix) {
        return per(rows, commands, "command", prefix);
    }

    /**
     * The statements called at least once per hundred {@code unit}s, each on one line with its calls and execution
     * time per unit, and their total per unit.
     */
    static String per(List<Row> rows, long units, String unit, String prefix) {
        StringBuilder text = new StringBuilder();
        double total = 0;
        for (Row row : rows) {
            double perUnit = (double) row.calls() / units;
            if (perUnit < 0.01) {
                continue;
            }
            total += perUnit;
            String query = row.query().replaceAll("\\s+", " ").strip();
            text.append(String.format(
                    "%s  %6.2f per %s  %7.3f ms each  %s%n",
                    prefix,
                    perUnit,
                    unit,
                    row.totalMillis() / row.calls(),
                    query.length() > 110 ? query.substring(0, 110) + "…" : query));
        }
        return String.format("%s statements per %s: %.2f%n", prefix, unit, total) + text;
    }
}
