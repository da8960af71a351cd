package uk.gov.personalbudget.approval.projection.store;

import ch.qos.logback.classic.Level;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A rough throughput check of {@link ProjectionWriter#apply}, kept out of the test suite (no timed tests):
 * whole lives of many budgets, interleaved as on a Kafka partition, applied in batches of 1,000 like the
 * consumer's. Run its {@code main} with {@code h2} or {@code postgres} and a number of budgets (each 27 events).
 */
public final class ProjectionStoreThroughput {

    private ProjectionStoreThroughput() {}

    public static void main(String[] args) {
        // Outside Spring Boot, logback would log every statement at DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String database = args.length > 0 ? args[0] : "h2";
        int budgets = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        DataSource dataSource = database.equals("postgres") ? postgres() : h2();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + database.replace("postgres", "postgresql"))
                .load()
                .migrate();
        var jdbc = new JdbcTemplate(dataSource);
        var transactions = new DataSourceTransactionManager(dataSource);
        var writer = new ProjectionWriter(jdbc, transactions, new Generations(jdbc, transactions));

        List<EventEnvelope> events = events(budgets);
        long started = System.nanoTime();
        for (int from = 0; from < events.size(); from += 1_000) {
            writer.apply(events.subList(from, Math.min(events.size(), from + 1_000)), 1);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%s: %,d events of %,d budgets in %.1f s: %,.0f events/s%n",
                database, events.size(), budgets, seconds, events.size() / seconds);
        System.exit(0);
    }

    /** Lives started an hour apart, interleaved 100 budgets at a time. */
    private static List<EventEnvelope> events(int budgets) {
        List<EventEnvelope> all = new ArrayList<>();
        for (int group = 0; group < budgets; group += 100) {
            List<List<EventEnvelope>> lives = new ArrayList<>();
            for (int i = group; i < Math.min(budgets, group + 100); i++) {
                lives.add(LifecycleEvents.fullLifecycle("PB-" + i, LifecycleEvents.START.plus(Duration.ofHours(i)))
                        .envelopes());
            }
            for (int step = 0; step < lives.get(0).size(); step++) {
                for (List<EventEnvelope> life : lives) {
                    all.add(life.get(step));
                }
            }
        }
        return all;
    }

    private static DataSource h2() {
        return new SingleConnectionDataSource("jdbc:h2:mem:throughput;DB_CLOSE_DELAY=-1", "sa", "", true);
    }

    private static DataSource postgres() {
        var database = EmbeddedPostgresServer.newDatabase();
        return new SingleConnectionDataSource(
                database.url() + "&reWriteBatchedInserts=true", database.username(), database.password(), true);
    }
}
