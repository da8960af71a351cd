package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.RestartablePostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own {@code pgbench} running a single-row INSERT per transaction against the server the services
 * use: the reference for command throughput. Debian's {@code postgresql-15} (or {@code postgresql-client-15})
 * package installs it; {@code ./benchmarks/run} installs it when missing.
 */
final class PgBench {

    private static final String DATABASE = "pgbench";
    /** About the size of a stored event's JSON payload. */
    private static final String SCRIPT = "INSERT INTO single_row_insert (payload) VALUES (repeat('x', 600));\n";

    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final RestartablePostgres postgres;
    private final Path script;
    private final Path executable;

    private PgBench(RestartablePostgres postgres, Path script, Path executable) {
        this.postgres = postgres;
        this.script = script;
        this.executable = executable;
    }

    /** Creates the pgbench database and table on the server and finds the executable. */
    static PgBench on(RestartablePostgres postgres, Path runDirectory) throws IOException, SQLException {
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE single_row_insert (id bigserial PRIMARY KEY, payload text NOT NULL, "
                    + "created timestamptz NOT NULL DEFAULT now())");
        }
        Path script = Files.writeString(runDirectory.resolve("single-row-insert.sql"), SCRIPT);
        return new PgBench(postgres, script, executable());
    }

    /** Transactions (single-row INSERTs) run, and per second, by one run of pgbench. */
    record Result(long transactions, double tps) {}

    /** Runs single-row INSERTs with {@code clients} connections for {@code duration}. */
    Result run(int clients, Duration duration) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(
                        executable.toString(),
                        "--no-vacuum",
                        "--client=" + clients,
                        "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                        "--time=" + duration.toSeconds(),
                        "--file=" + script,
                        "--host=localhost",
                        "--port=" + postgres.port(),
                        "--username=postgres",
                        DATABASE))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        Matcher transactions = TRANSACTIONS.matcher(output);
        if (!tps.find() || !transactions.find()) {
            throw new IllegalStateException("no figures in pgbench's output:\n" + output);
        }
        return new Result(Long.parseLong(transactions.group(1)), Double.parseDouble(tps.group(1)));
    }

    private static Path executable() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                var found = installed
                        .map(version -> version.resolve("bin").resolve("pgbench"))
                        .filter(Files::isExecutable)
                        .sorted()
                        .reduce((first, second) -> second);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("pgbench is not installed: apt-get install -y postgresql-client-15 "
                + "(or postgresql-15), as ./benchmarks/run does");
    }
}
