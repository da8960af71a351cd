package uk.gov.personalbudget.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the PostgreSQL server wrote to its write-ahead log, how often it checkpointed and how often autovacuum ran,
 * between two readings: where the server's CPU per row goes besides the rows themselves. The log and checkpoints are
 * the whole server's (pg_stat_wal, pg_stat_bgwriter), autovacuum the connected database's tables'.
 */
record WalActivity(long records, long fullPageImages, long bytes, long checkpoints, long vacuums, long analyzes) {

    static WalActivity read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT w.wal_records, w.wal_fpi, w.wal_bytes,"
                        + " b.checkpoints_timed + b.checkpoints_req,"
                        + " (SELECT coalesce(sum(autovacuum_count), 0) FROM pg_stat_user_tables),"
                        + " (SELECT coalesce(sum(autoanalyze_count), 0) FROM pg_stat_user_tables)"
                        + " FROM pg_stat_wal w, pg_stat_bgwriter b")) {
            row.next();
            return new WalActivity(
                    row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6));
        }
    }

    /** What happened from {@code before} to this reading, per 1,000 of {@code units} (and the counts as they are). */
    String since(WalActivity before, long units, String unit) {
        double per = 1000.0 / Math.max(1, units);
        return String.format(
                "write-ahead log per 1,000 %s: %.0f records, %.1f full-page images, %.0f KB;"
                        + " checkpoints %d, autovacuums %d, autoanalyzes %d%n",
                unit,
                (records - before.records) * per,
                (fullPageImages - before.fullPageImages) * per,
                (bytes - before.bytes) * per / 1024,
                checkpoints - before.checkpoints,
                vacuums - before.vacuums,
                analyzes - before.analyzes);
    }
}
